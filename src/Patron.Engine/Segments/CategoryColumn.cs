namespace Patron.Engine.Segments;

/// <summary>
/// A dictionary-coded value per customer: <see cref="Codes"/>[i] indexes <see cref="Dictionary"/>, and a negative
/// code is a missing value. Codes keep the scan to an int load and a table lookup, whatever the strings are.
/// </summary>
public sealed class CategoryColumn : FeatureColumn
{
    public CategoryColumn(string name, int[] codes, string[] dictionary, string? label = null) : base(name, label)
    {
        Codes = codes ?? throw new ArgumentNullException(nameof(codes));
        Dictionary = dictionary ?? throw new ArgumentNullException(nameof(dictionary));
        foreach (var c in codes)
            if (c >= dictionary.Length) throw new ArgumentException($"Code {c} is outside the dictionary of {name}.", nameof(codes));
    }

    public int[] Codes { get; }

    public string[] Dictionary { get; }

    public override FeatureKind Kind => FeatureKind.Category;

    public override int Length => Codes.Length;

    /// <summary>Codes a string per customer (null = missing), dictionary in order of first appearance.</summary>
    public static CategoryColumn From(string name, string?[] values, string? label = null)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var codes = new int[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] is not { } v) { codes[i] = -1; continue; }
            if (!index.TryGetValue(v, out var code)) index.Add(v, code = index.Count);
            codes[i] = code;
        }
        return new CategoryColumn(name, codes, [.. index.Keys], label);
    }

    public override Bitset Empty() => ColumnScan.Run(Length, new ColumnScan.NegativeCode(Codes));
}
