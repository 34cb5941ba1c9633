using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Patron.Ingestion.Import.Mapping;
using Patron.Ingestion.Import.Reading;
using Patron.Platform;
using Patron.Platform.Bulk;

namespace Patron.Ingestion.Import;

/// <summary>Keeps rejected rows, once per (source, kind, row key), in the caller's transaction.</summary>
public sealed class Quarantine(PatronDb db)
{
    /// <summary>The row's number and cells, hashed: the same row of the same file gets the same key on every run.</summary>
    public static string RowKey(SourceRow row)
    {
        var text = row.Number.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\u001f" + string.Join('\u001f', row.Cells);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)), 0, 16);
    }

    /// <summary>New rows are added; rows already quarantined are re-attached to this job with today's reasons.</summary>
    public async Task KeepAsync(Guid jobId, string source, ImportKind kind, IReadOnlyList<(SourceRow Row, string Reasons)> rejected, DateTime utcNow, CancellationToken ct) =>
        await (await PlanAsync(db, jobId, source, kind, rejected, utcNow, ct)).WriteAsync(db, ct);

    /// <summary>What <see cref="KeepAsync"/> would write, looked up through <paramref name="reader"/> and not yet written.</summary>
    public static async Task<QuarantinePlan> PlanAsync(
        PatronDb reader, Guid jobId, string source, ImportKind kind, IReadOnlyList<(SourceRow Row, string Reasons)> rejected, DateTime utcNow, CancellationToken ct)
    {
        if (rejected.Count == 0) return QuarantinePlan.Empty;
        var byKey = new Dictionary<string, (SourceRow Row, string Reasons)>();
        foreach (var r in rejected) byKey.TryAdd(RowKey(r.Row), r);
        var keys = byKey.Keys.ToList();
        var existing = await reader.Set<QuarantinedRow>().AsNoTracking()
            .Where(q => q.Source == source && q.Kind == kind && EF.Parameter(keys).Contains(q.RowKey)).ToListAsync(ct);
        var again = existing.Select(q => (q, byKey[q.RowKey].Reasons)).ToList();
        foreach (var q in existing) byKey.Remove(q.RowKey);
        var fresh = byKey.Select(p => new QuarantinedRow
        {
            Id = Ids.New(), JobId = jobId, Source = source, Kind = kind, RowKey = p.Key, RowNumber = p.Value.Row.Number,
            CellsJson = JsonSerializer.Serialize(p.Value.Row.Cells), Reasons = p.Value.Reasons, CreatedAt = utcNow,
        }).ToList();
        return new QuarantinePlan(jobId, fresh, again);
    }
}

/// <summary>Rejected rows to quarantine: new ones to insert, ones quarantined before to re-attach to the job with today's reasons.</summary>
public sealed class QuarantinePlan(Guid jobId, List<QuarantinedRow> fresh, List<(QuarantinedRow Row, string Reasons)> again)
{
    public static readonly QuarantinePlan Empty = new(Guid.Empty, [], []);

    /// <summary>Writes in the caller's transaction; the re-attached rows are saved with the context's next SaveChanges.</summary>
    public async Task WriteAsync(PatronDb db, CancellationToken ct)
    {
        foreach (var (row, reasons) in again)
        {
            db.Attach(row);
            row.JobId = jobId;
            row.Reasons = reasons;
        }
        if (fresh.Count > 0) await BulkWriter.InsertAsync(db, fresh, ct);
    }
}
