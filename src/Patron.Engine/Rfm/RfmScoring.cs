using System.Numerics;

namespace Patron.Engine.Rfm;

/// <summary>Scores 1–5 for one dimension. Recency is scored with lowerIsBetter: fewer days since the last purchase is better.</summary>
public static class RfmScoring
{
    /// <summary>
    /// Quintile score of each value: 1 + ⌊5·w / n⌋, where w is the number of customers whose value is strictly
    /// worse and n the number of customers. With distinct values this is the textbook quintile split (n/5 customers
    /// per score when 5 divides n). With ties, the whole tied block gets the score of its worst position, so:
    /// equal values always get equal scores; the result depends only on the multiset of values, never on input
    /// order (NTILE or pandas qcut on rank(method="first") split a tie by row order, so a re-export of the same
    /// data could move a customer between scores); and a score is only granted for beating customers, never for
    /// equalling them (when a third of the customers bought once, they all score F = 1 rather than straddling 1 and 2). The cost is
    /// that a large tie can leave a score unused — faithful to the data, which cannot separate those customers.
    /// </summary>
    public static byte[] Quintiles<T>(ReadOnlySpan<T> values, bool lowerIsBetter) where T : IComparable<T>
    {
        var n = values.Length;
        var scores = new byte[n];
        if (n == 0) return scores;
        var sorted = values.ToArray();
        var positions = new int[n];
        for (var i = 0; i < n; i++) positions[i] = i;
        Array.Sort(sorted, positions);
        for (var from = 0; from < n;)
        {
            var to = from + 1;
            while (to < n && sorted[to].CompareTo(sorted[from]) == 0) to++;
            // Ascending order: the `from` customers before the block are strictly lower, the n − to after it strictly higher.
            long worse = lowerIsBetter ? n - to : from;
            var score = (byte)(1 + 5 * worse / n);
            for (var k = from; k < to; k++) scores[positions[k]] = score;
            from = to;
        }
        return scores;
    }

    /// <summary>Fixed-threshold score of each value; see <see cref="RfmScale.Thresholds"/> for which side a bound belongs to.</summary>
    public static byte[] Thresholds<T>(ReadOnlySpan<T> values, long[] bounds, bool lowerIsBetter) where T : IBinaryInteger<T>
    {
        var scores = new byte[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            var v = long.CreateTruncating(values[i]);
            var reached = 0;
            foreach (var b in bounds)
                if (lowerIsBetter ? v > b : v >= b) reached++;
            scores[i] = (byte)(lowerIsBetter ? 5 - reached : 1 + reached);
        }
        return scores;
    }

    public static byte[] Score<T>(ReadOnlySpan<T> values, RfmScale scale, bool lowerIsBetter) where T : IBinaryInteger<T> =>
        scale.Bounds is { } bounds ? Thresholds(values, bounds, lowerIsBetter) : Quintiles(values, lowerIsBetter);
}
