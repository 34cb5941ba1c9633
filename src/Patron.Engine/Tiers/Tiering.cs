namespace Patron.Engine.Tiers;

/// <summary>Tier of each customer on one measure where more is better (orders, spend, value).</summary>
public static class Tiering
{
    /// <summary>
    /// Tertile of each value: ⌊3·w / n⌋, where w is the number of customers with a strictly lower value — the
    /// rule of <see cref="Rfm.RfmScoring.Quintiles"/> with three classes. Equal values always share a tier, the
    /// result depends only on the multiset of values (never on input order), and a tier is only granted for
    /// beating customers, never for equalling them: when half the customers bought once, they are all low.
    /// A large tie can therefore leave a tier empty, which is what the data says.
    /// </summary>
    public static Tier[] Tertiles<T>(ReadOnlySpan<T> values) where T : IComparable<T>
    {
        var n = values.Length;
        var tiers = new Tier[n];
        if (n == 0) return tiers;
        var sorted = values.ToArray();
        var positions = new int[n];
        for (var i = 0; i < n; i++) positions[i] = i;
        Array.Sort(sorted, positions);
        for (var from = 0; from < n;)
        {
            var to = from + 1;
            while (to < n && sorted[to].CompareTo(sorted[from]) == 0) to++;
            // Ascending order: the `from` customers before the block are the ones strictly below it.
            var tier = (Tier)(3L * from / n);
            for (var k = from; k < to; k++) tiers[positions[k]] = tier;
            from = to;
        }
        return tiers;
    }

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
