namespace Patron.Engine.Segments;

/// <summary>
/// Numbers per customer; <see cref="double.NaN"/> is a missing value. One type for counts, money and shares keeps
/// the evaluator small: doubles hold integers exactly up to 2^53, so money in minor units (fen) is exact.
/// Behaviour conditions ("bought 水果 at least twice in the last 60 days") are numeric columns the caller
/// precomputes, e.g. <c>orders_60d.水果</c>, and then ordinary comparisons.
/// </summary>
public sealed class NumericColumn(string name, double[] values, string? label = null) : FeatureColumn(name, label)
{
    public double[] Values { get; } = values ?? throw new ArgumentNullException(nameof(values));

    public override FeatureKind Kind => FeatureKind.Numeric;

    public override int Length => Values.Length;

    public static NumericColumn From(string name, long?[] values, string? label = null) =>
        new(name, Array.ConvertAll(values, v => v is { } x ? (double)x : double.NaN), label);

    public override Bitset Empty() => ColumnScan.Run(Length, new ColumnScan.IsNaN(Values));
}
