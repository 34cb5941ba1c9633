namespace Patron.Engine.Tiers;

/// <summary>How a measure is split into three tiers: relative to the other customers (tertiles) or by fixed bounds.</summary>
public sealed record TierScale<T> where T : IComparable<T>
{
    TierScale(T[]? bounds) => Bounds = bounds;

    /// <summary>Null for tertiles; otherwise the two strictly ascending bounds of medium and high.</summary>
    public T[]? Bounds { get; }

    public static TierScale<T> Tertiles { get; } = new((T[]?)null);

    /// <summary>
    /// Medium from <paramref name="medium"/>, high from <paramref name="high"/>, both inclusive: with 2 and 5
    /// orders, 1 order is low, 2–4 medium, 5 or more high.
    /// </summary>
    public static TierScale<T> Thresholds(T medium, T high)
    {
        if (high.CompareTo(medium) <= 0)
            throw new ArgumentException($"The high bound must be above the medium bound (got {medium} and {high}).");
        return new TierScale<T>([medium, high]);
    }
}
