namespace Patron.Engine.Segments;

/// <summary>
/// The features of N customers as named columns, all indexed by the same customer position 0..N−1. The caller
/// builds it (from the feature store or a file) and owns the mapping from position to customer id; rules refer
/// to columns by <see cref="FeatureColumn.Name"/>, e.g. <c>recency_days</c>, <c>city</c>, <c>tags</c>,
/// <c>spend_share.水果</c>. Columns are read, never written, by evaluation.
/// </summary>
public sealed class FeatureTable(int count)
{
    readonly Dictionary<string, FeatureColumn> columns = new(StringComparer.Ordinal);

    public int Count { get; } = count >= 0 ? count : throw new ArgumentOutOfRangeException(nameof(count));

    public IReadOnlyDictionary<string, FeatureColumn> Columns => columns;

    /// <summary>Adds a column; returns the table so a table reads as one expression.</summary>
    public FeatureTable Add(FeatureColumn column)
    {
        if (column.Length != Count)
            throw new ArgumentException($"Column {column.Name} has {column.Length} values; the table has {Count} customers.", nameof(column));
        if (!columns.TryAdd(column.Name, column))
            throw new ArgumentException($"The table already has a column named {column.Name}.", nameof(column));
        return this;
    }

    public bool TryGet(string name, out FeatureColumn column) => columns.TryGetValue(name, out column!);
}
