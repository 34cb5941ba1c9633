using System.Numerics;
using Patron.Engine.Numerics;

namespace Patron.Engine.Rfm;

/// <summary>Scores 1–5 for one dimension. Recency is scored with lowerIsBetter: fewer days since the last purchase is better.</summary>
public static class RfmScoring
{
    /// <summary>Quintile score 1–5 of each value, by <see cref="RankBuckets"/>: equal values get equal scores, input order never matters.</summary>
    public static byte[] Quintiles<T>(ReadOnlySpan<T> values, bool lowerIsBetter) where T : IComparable<T>
    {
        var scores = RankBuckets.Of(values, 5, lowerIsBetter);
        for (var i = 0; i < scores.Length; i++) scores[i]++;
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
