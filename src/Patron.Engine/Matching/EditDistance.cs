namespace Patron.Engine.Matching;

/// <summary>
/// Optimal string alignment distance (Levenshtein plus adjacent transposition, each costing 1): a swapped pair of
/// digits or characters is one typing slip, not two. Two rolling rows on the stack, no allocation for short values.
/// </summary>
public static class EditDistance
{
    const int StackLimit = 128;

    public static int Distance(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.SequenceEqual(b)) return 0;
        if (a.Length == 0 || b.Length == 0) return Math.Max(a.Length, b.Length);
        var n = b.Length + 1;
        Span<int> rows = n * 3 <= StackLimit * 3 ? stackalloc int[n * 3] : new int[n * 3];
        var before = rows[..n];
        var previous = rows[n..(2 * n)];
        var current = rows[(2 * n)..];
        for (var j = 0; j < n; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j < n; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var d = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d = Math.Min(d, before[j - 2] + 1);
                current[j] = d;
            }
            var spare = before;
            before = previous;
            previous = current;
            current = spare;
        }
        return previous[n - 1];
    }

    /// <summary>1 - distance / longer length: 1 for equal values, 0 when nothing lines up.</summary>
    public static double Similarity(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        var longer = Math.Max(a.Length, b.Length);
        return longer == 0 ? 1 : 1 - (double)Distance(a, b) / longer;
    }
}
