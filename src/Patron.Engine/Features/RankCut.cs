using Patron.Engine.Numerics;

namespace Patron.Engine.Features;

/// <summary>
/// Scores one new value against the population of the last full scoring, with the rule of <see cref="RankBuckets"/>:
/// bucket = ⌊k·w / n⌋ where w counts the customers strictly worse. A customer whose order just arrived is placed by
/// comparing it with the values at the bucket bounds instead of a re-sort of a million values; the cut itself moves only at the next full rescore
/// (the periodic refresh), which is what keeps the per-order update in microseconds.
/// </summary>
sealed class RankCut
{
    readonly double[] sorted;
    readonly int buckets;
    readonly bool lowerIsBetter;
    // bound[b − 1]: the value a customer must beat (be above, or below when lower is better) to reach bucket b ≥ 1.
    // Derived from the rule, so a few comparisons replace a binary search.
    readonly double[] bound;

    public RankCut(ReadOnlySpan<double> values, int buckets, bool lowerIsBetter)
    {
        sorted = values.ToArray();
        Array.Sort(sorted);
        this.buckets = buckets;
        this.lowerIsBetter = lowerIsBetter;
        bound = Bounds(sorted, buckets, lowerIsBetter);
    }

    RankCut(double[] sorted, int buckets, bool lowerIsBetter)
    {
        (this.sorted, this.buckets, this.lowerIsBetter) = (sorted, buckets, lowerIsBetter);
        bound = Bounds(sorted, buckets, lowerIsBetter);
    }

    /// <summary>
    /// Bucket ≥ b ⟺ ⌊k·w/n⌋ ≥ b ⟺ w ≥ t = ⌈b·n/k⌉, and w ≥ t ⟺ the value is above sorted[t − 1] (w counts the values
    /// below it) or, lower being better, below sorted[n − t] (w counts the values above it).
    /// </summary>
    static double[] Bounds(double[] sorted, int buckets, bool lowerIsBetter)
    {
        var n = (long)sorted.Length;
        if (n == 0) return [];
        var bounds = new double[buckets - 1];
        for (var b = 1; b < buckets; b++)
        {
            var t = (b * n + buckets - 1) / buckets; // ≥ 1 as n ≥ 1
            bounds[b - 1] = lowerIsBetter ? sorted[n - t] : sorted[t - 1];
        }
        return bounds;
    }

    /// <summary>The same population cut into another number of buckets, without sorting it again.</summary>
    public RankCut WithBuckets(int count) => new(sorted, count, lowerIsBetter);

    public static RankCut Empty(int buckets, bool lowerIsBetter) => new([], buckets, lowerIsBetter);

    /// <summary>0-based bucket; with no population yet, the middle one.</summary>
    public int Bucket(double value)
    {
        var n = sorted.Length;
        if (n == 0) return buckets / 2;
        if (!double.IsNaN(value))
        {
            var bucket = 0;
            foreach (var x in bound)
                if (lowerIsBetter ? value < x : value > x) bucket++;
            return bucket;
        }
        long worse = lowerIsBetter ? n - UpperBound(value) : LowerBound(value);
        return (int)Math.Min(buckets - 1, buckets * worse / n);
    }

    int LowerBound(double v)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi) { var mid = (lo + hi) >>> 1; if (sorted[mid] < v) lo = mid + 1; else hi = mid; }
        return lo;
    }

    int UpperBound(double v)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi) { var mid = (lo + hi) >>> 1; if (sorted[mid] <= v) lo = mid + 1; else hi = mid; }
        return lo;
    }
}
