using Microsoft.EntityFrameworkCore;
using Patron.Customers.Contracts;
using Patron.Platform;
using Patron.Platform.Audit;

namespace Patron.Segmentation;

/// <summary>
/// Writes a segment's current members as CSV (customer_id,name,entered_at, UTF-8) and records the export in the audit log
/// before the first byte leaves: an export of personal data is audited even if the download is then interrupted.
/// </summary>
public sealed class ExportSegmentMembersHandler(PatronDb db, CustomerDirectory customers, AuditLog audit)
{
    const int Batch = 1000;

    public async Task<bool> HandleAsync(Guid id, Actor actor, TextWriter output, CancellationToken ct = default)
    {
        var segment = await db.Segments.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (segment is null) return false;
        var current = db.SegmentMemberships.AsNoTracking().Where(m => m.SegmentId == id && m.LeftAt == null);
        await audit.RecordAsync(actor, AuditAction.Export, "segment-members", detail: $"{segment.Name} ({await current.CountAsync(ct)} customers)", ct: ct);

        await output.WriteLineAsync("customer_id,name,entered_at");
        var ordered = current.OrderBy(m => m.EnteredAt).ThenBy(m => m.CustomerId).Select(m => new { m.CustomerId, m.EnteredAt });
        for (var page = 0; ; page++)
        {
            var rows = await ordered.Skip(page * Batch).Take(Batch).ToListAsync(ct);
            if (rows.Count == 0) break;
            var names = await customers.NamesAsync(rows.Select(r => r.CustomerId), ct);
            foreach (var r in rows)
                await output.WriteLineAsync($"{r.CustomerId},{Csv.Field(names.GetValueOrDefault(r.CustomerId, ""))},{r.EnteredAt:yyyy-MM-ddTHH:mm:ssZ}");
        }
        await output.FlushAsync(ct);
        return true;
    }
}

static class Csv
{
    /// <summary>
    /// Quotes when needed (RFC 4180), and defuses text a spreadsheet would run as a formula (=, +, −, @ first):
    /// exported names are typed by customers, and the file is opened in Excel.
    /// </summary>
    public static string Field(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@') value = "'" + value;
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }
}
