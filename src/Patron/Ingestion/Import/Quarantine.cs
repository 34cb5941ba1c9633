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
    public async Task KeepAsync(Guid jobId, string source, ImportKind kind, IReadOnlyList<(SourceRow Row, string Reasons)> rejected, DateTime utcNow, CancellationToken ct)
    {
        if (rejected.Count == 0) return;
        var byKey = new Dictionary<string, (SourceRow Row, string Reasons)>();
        foreach (var r in rejected) byKey.TryAdd(RowKey(r.Row), r);
        var keys = byKey.Keys.ToList();
        var set = db.Set<QuarantinedRow>();
        var existing = await set.Where(q => q.Source == source && q.Kind == kind && EF.Parameter(keys).Contains(q.RowKey)).ToListAsync(ct);
        foreach (var q in existing)
        {
            q.JobId = jobId;
            q.Reasons = byKey[q.RowKey].Reasons;
            byKey.Remove(q.RowKey);
        }
        var fresh = byKey.Select(p => new QuarantinedRow
        {
            Id = Ids.New(), JobId = jobId, Source = source, Kind = kind, RowKey = p.Key, RowNumber = p.Value.Row.Number,
            CellsJson = JsonSerializer.Serialize(p.Value.Row.Cells), Reasons = p.Value.Reasons, CreatedAt = utcNow,
        });
        await BulkWriter.InsertAsync(db, fresh, ct);
    }
}
