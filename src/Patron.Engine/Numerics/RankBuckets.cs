namespace Patron.Engine.Numerics;

/// <summary>
/// Splits customers into k equal-share buckets by one measure, the rule shared by RFM quintiles and tiers:
/// bucket = ⌊k·w / n⌋ (0-based), where w is the number of customers whose value is strictly worse and n the number
/// of customers. With distinct values this is the textbook k-tile split. With ties the whole tied block gets the
/// bucket of its worst position, so equal values always share a bucket; the result depends only on the multiset of
/// values, never on input order (NTILE, or pandas qcut on rank(method="first"), split a tie by row order, so a
/// re-export of the same data could move a customer); and a bucket is only granted for beating customers, never for
/// equalling them. The cost is that a large tie can leave a bucket empty — faithful to data that cannot separate them.
/// </summary>
public static class RankBuckets
{
    public static byte[] Of<T>(ReadOnlySpan<T> values, int buckets, bool lowerIsBetter) where T : IComparable<T>
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(buckets, 1);
        var n = values.Length;
        var result = new byte[n];
        if (n == 0) return result;
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
            var bucket = (byte)(buckets * worse / n);
            for (var k = from; k < to; k++) result[positions[k]] = bucket;
            from = to;
        }
        return result;
    }
}
