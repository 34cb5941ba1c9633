using Patron.Ingestion.Import.Reading;

namespace Patron.Ingestion.Import;

/// <summary>
/// Brings the rows of one order together when they are near each other in the file but not adjacent (exports sorted
/// by product or by time put other orders' lines between them). Holds at most <c>window</c> rows: a group leaves when
/// it is the oldest and the window is full, so an order's rows are kept together when they all lie within
/// <c>window</c> rows of its first row. Rows without an order id are groups of one. Groups come out in the order of
/// their first row, each row keeping its number.
/// </summary>
public static class OrderGrouping
{
    public const int DefaultWindow = 20_000;

    public static IEnumerable<List<SourceRow>> Groups(IEnumerable<SourceRow> rows, Func<SourceRow, string?> orderId, int window)
    {
        var open = new Dictionary<string, List<SourceRow>>(StringComparer.Ordinal);
        var queue = new Queue<(string? Key, List<SourceRow> Rows)>();
        var held = 0;
        foreach (var row in rows)
        {
            var key = orderId(row);
            if (key is not null && open.TryGetValue(key, out var group)) group.Add(row);
            else
            {
                group = [row];
                queue.Enqueue((key, group));
                if (key is not null) open[key] = group;
            }
            held++;
            while (held > window && queue.Count > 0)
            {
                var (oldest, rowsOfOldest) = queue.Dequeue();
                if (oldest is not null) open.Remove(oldest);
                held -= rowsOfOldest.Count;
                yield return rowsOfOldest;
            }
        }
        while (queue.Count > 0) yield return queue.Dequeue().Rows;
    }
}
