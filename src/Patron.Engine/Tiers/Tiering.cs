using Patron.Engine.Numerics;
namespace Patron.Engine.Tiers;

/// <summary>Tier of each customer on one measure where more is better (orders, spend, value).</summary>
public static class Tiering
{
    /// <summary>
    /// Tertile of each value by <see cref="RankBuckets"/> (the rule of the RFM quintiles with three classes): equal
    /// values share a tier and a tier is only granted for beating customers, so when half the customers bought once
    /// they are all low, and a large tie can leave a tier empty.
    /// </summary>
    public static Tier[] Tertiles<T>(ReadOnlySpan<T> values) where T : IComparable<T> =>
        Array.ConvertAll(RankBuckets.Of(values, 3, lowerIsBetter: false), b => (Tier)b);

    /// <summary>Fixed-bound tier of each value; see <see cref="TierScale{T}.Thresholds"/>.</summary>
    public static Tier[] Thresholds<T>(ReadOnlySpan<T> values, T medium, T high) where T : IComparable<T>
    {
        var tiers = new Tier[values.Length];
        for (var i = 0; i < values.Length; i++)
            tiers[i] = values[i].CompareTo(high) >= 0 ? Tier.High : values[i].CompareTo(medium) >= 0 ? Tier.Medium : Tier.Low;
        return tiers;
    }

    public static Tier[] Assign<T>(ReadOnlySpan<T> values, TierScale<T> scale) where T : IComparable<T> =>
        scale.Bounds is { } b ? Thresholds(values, b[0], b[1]) : Tertiles(values);
}
