using System.Globalization;
using System.Text.Json;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Patron.Platform;
using Patron.Platform.Audit;

namespace Patron.Ingestion.Import;

/// <summary>
/// The rejected rows of a job as CSV: the file's own header and cells, then a last column with the reasons. Fix the
/// cells and import the file again with the same mapping; the reason column is not mapped and so is ignored.
/// The rows are personal data leaving Patron: the download is audited (who, which job, how many rows) before the
/// first byte is written, as a segment export is, so an interrupted download is audited too.
/// </summary>
public sealed class ExportQuarantineHandler(PatronDb db, AuditLog audit)
{
    public const string ReasonColumn = "patron_reasons";

    /// <summary>The number of rows written, or null when there is no such job.</summary>
    public async Task<int?> WriteCsvAsync(Guid jobId, Actor actor, TextWriter output, CancellationToken ct = default)
    {
        var job = await db.Set<ImportJob>().AsNoTracking().FirstOrDefaultAsync(j => j.Id == jobId, ct);
        if (job is null) return null;
        var rows = await db.Set<QuarantinedRow>().CountAsync(q => q.JobId == jobId, ct);
        await audit.RecordAsync(actor, AuditAction.Export, "import-quarantine",
            detail: $"job {jobId} ({job.Kind}, {job.Source}, {job.FileName}): {rows} rows", ct: ct);
        var headers = JsonSerializer.Deserialize<string[]>(job.HeadersJson) ?? [];
        await using var csv = new CsvWriter(output, CultureInfo.InvariantCulture, leaveOpen: true);
        foreach (var h in headers) csv.WriteField(h);
        csv.WriteField(ReasonColumn);
        await csv.NextRecordAsync();
        var count = 0;
        await foreach (var row in db.Set<QuarantinedRow>().AsNoTracking().Where(q => q.JobId == jobId).OrderBy(q => q.RowNumber).AsAsyncEnumerable().WithCancellation(ct))
        {
            var cells = JsonSerializer.Deserialize<string[]>(row.CellsJson) ?? [];
            for (var i = 0; i < headers.Length; i++) csv.WriteField(i < cells.Length ? cells[i] : "");
            csv.WriteField(row.Reasons);
            await csv.NextRecordAsync();
            count++;
        }
        return count;
    }
}
