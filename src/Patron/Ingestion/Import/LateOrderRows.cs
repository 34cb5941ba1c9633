using Patron.Customers.Contracts;
using Patron.Ingestion.Import.Reading;

namespace Patron.Ingestion.Import;

/// <summary>
/// Rows of an order that this run has already written in an earlier batch (they lay further apart in the file than
/// <see cref="OrderGrouping"/>'s window). The writer would count them as a duplicate order and lose their lines, so
/// they are quarantined instead (<see cref="BatchWriter"/>), with a reason that says so: no row is dropped silently.
/// An order written by an earlier run is a true duplicate. "This run" = written at or after the job started, or by a
/// batch of this run that is still being committed.
/// </summary>
static class LateOrderRows
{
    public const string Reason = "Order already imported with different lines: this row of order {0} lies too far from its other rows in the file " +
        "(sort the file by order id, or import the order's rows together) and was not added to it.";

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
