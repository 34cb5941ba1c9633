namespace Patron.Engine.Rfm;

/// <summary>How one dimension is scored 1–5: relative to the other customers (quintiles) or by fixed thresholds.</summary>
public sealed record RfmScale
{
    RfmScale(long[]? bounds) => Bounds = bounds;

    /// <summary>Null for quintiles; otherwise four strictly ascending bounds.</summary>
    public long[]? Bounds { get; }

    public static RfmScale Quintiles { get; } = new((long[]?)null);

    /// <summary>
    /// Four strictly ascending bounds b1 &lt; b2 &lt; b3 &lt; b4, each one inclusive on the better side:
    /// for frequency and monetary (higher is better) the score is 1 + the number of bounds the value reaches
    /// (with [2, 3, 5, 8] orders: 1 order scores 1, 2 score 2, 8 or more score 5); for recency (lower is better)
    /// it is 5 − the number of bounds the value exceeds (with [30, 60, 120, 240] days: up to 30 days scores 5,
    /// 31–60 scores 4, more than 240 scores 1).
    /// </summary>
    public static RfmScale Thresholds(params long[] bounds)
    {
        ArgumentNullException.ThrowIfNull(bounds);
        if (bounds.Length != 4) throw new ArgumentException($"Give four thresholds, one per score above the lowest (got {bounds.Length}).", nameof(bounds));
        for (var i = 1; i < bounds.Length; i++)
            if (bounds[i] <= bounds[i - 1]) throw new ArgumentException($"Thresholds must be strictly ascending ({string.Join(", ", bounds)}).", nameof(bounds));
        return new RfmScale((long[])bounds.Clone());
    }
}
