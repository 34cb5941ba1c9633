using Patron.Engine.Numerics;

namespace Patron.Engine.Features;

/// <summary>
/// Scores one new value against the population of the last full scoring, with the rule of <see cref="RankBuckets"/>:
/// bucket = ⌊k·w / n⌋ where w counts the customers strictly worse. A customer whose order just arrived is placed by
/// a binary search instead of a re-sort of a million values; the cut itself moves only at the next full rescore
/// (the periodic refresh), which is what keeps the per-order update in microseconds.
/// </summary>
sealed class RankCut
{
    readonly double[] sorted;
    readonly int buckets;
    readonly bool lowerIsBetter;

    public RankCut(ReadOnlySpan<double> values, int buckets, bool lowerIsBetter)
    {
        sorted = values.ToArray();
        Array.Sort(sorted);
        this.buckets = buckets;
        this.lowerIsBetter = lowerIsBetter;
    }

    RankCut(double[] sorted, int buckets, bool lowerIsBetter) => (this.sorted, this.buckets, this.lowerIsBetter) = (sorted, buckets, lowerIsBetter);

    /// <summary>The same population cut into another number of buckets, without sorting it again.</summary>
    public RankCut WithBuckets(int count) => new(sorted, count, lowerIsBetter);

    public static RankCut Empty(int buckets, bool lowerIsBetter) => new([], buckets, lowerIsBetter);

    /// <summary>0-based bucket; with no population yet, the middle one.</summary>
    public int Bucket(double value)
    {
        var n = sorted.Length;
        if (n == 0) return buckets / 2;
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
