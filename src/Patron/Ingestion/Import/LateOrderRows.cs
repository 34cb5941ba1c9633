using Patron.Commerce.Contracts;
using Patron.Customers.Contracts;
using Patron.Ingestion.Import.Mapping;
using Patron.Ingestion.Import.Reading;

namespace Patron.Ingestion.Import;

/// <summary>
/// Rows of an order that this run has already written in an earlier batch (they lay further apart in the file than
/// <see cref="OrderGrouping"/>'s window). The writer would count them as a duplicate order and lose their lines, so
/// they are quarantined instead, with a reason that says so: no row is dropped silently. An order written by an
/// earlier run is a true duplicate and is left to the writer. "This run" = written at or after the job started.
/// </summary>
sealed class LateOrderRows(OrderKeys keys, Quarantine quarantine, ImportJob job, SalesChannel channel, int orderColumn)
{
    public const string Reason = "Order already imported with different lines: this row of order {0} lies too far from its other rows in the file " +
        "(sort the file by order id, or import the order's rows together) and was not added to it.";

    public async Task<(List<T> Others, BatchCounts Late)> SplitAsync<T>(
        List<T> rows, Func<T, SourceRow> sourceOf, DateTime utcNow, List<RejectedRow> listed, CancellationToken ct)
    {
        if (orderColumn < 0) return (rows, default);
        var ids = rows.Select(r => OrderId(sourceOf(r))).Where(id => id is not null).Select(id => id!).ToHashSet(StringComparer.Ordinal);
        var written = await keys.ExistingAsync(channel, ids, job.StartedAt, ct);
        if (written.Count == 0) return (rows, default);
        var late = rows.Where(r => OrderId(sourceOf(r)) is { } id && written.Contains(id)).ToList();
        var rejected = late.Select(sourceOf).Select(r => (r, string.Format(System.Globalization.CultureInfo.InvariantCulture, Reason, OrderId(r)))).ToList();
        await quarantine.KeepAsync(job.Id, job.Source, ImportKind.Orders, rejected, utcNow, ct);
        foreach (var (row, _) in rejected.Take(Math.Max(0, ImportReport.MaxListed - listed.Count))) listed.Add(new RejectedRow(row.Number, [Cleaning.RowProblem.LateOrderRow(OrderId(row))]));
        var lateSet = late.ToHashSet();
        return (rows.Where(r => !lateSet.Contains(r)).ToList(), new BatchCounts { Read = late.Count, Rejected = late.Count });
    }

    string? OrderId(SourceRow row) => Id(row, orderColumn);

    /// <summary>The order id as the cleaner reads it (trimmed, inner whitespace collapsed), or null.</summary>
    public static string? Id(SourceRow row, int column)
    {
        var cell = row.Cell(column).Trim();
        if (cell.Length == 0) return null;
        // Ids rarely hold whitespace; skip the normalising regular expression for those that do not (every row passes here).
        foreach (var c in cell)
            if (char.IsWhiteSpace(c)) return Normalise.Text(cell);
        return cell;
    }
}
