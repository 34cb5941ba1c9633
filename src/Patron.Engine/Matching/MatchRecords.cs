namespace Patron.Engine.Matching;

/// <summary>
/// Records ready for comparison: each field's values normalised once, plus what its comparison needs precomputed
/// (sorted words of names, bigram sets of addresses), so the pair loop only reads arrays. Columns are per field,
/// one value per record; Source tells the files apart when linking (pairs within one source are then not compared).
/// </summary>
public sealed class MatchRecords
{
    public IReadOnlyList<MatchField> Fields { get; }
    public int Count { get; }
    public int[]? Source { get; }
    /// <summary>Pairs of fields whose values are often entered in each other's place (given name and surname).</summary>
    public IReadOnlyList<(int, int)> Swaps { get; }
    internal readonly string?[][] Values;
    internal readonly string?[][] Sorted;
    internal readonly int[][][] Grams;

    MatchRecords(IReadOnlyList<MatchField> fields, int count, int[]? source, IReadOnlyList<(int, int)> swaps, string?[][] values, string?[][] sorted, int[][][] grams) =>
        (Fields, Count, Source, Swaps, Values, Sorted, Grams) = (fields, count, source, swaps, values, sorted, grams);

    public static MatchRecords Prepare(IReadOnlyList<MatchField> fields, IReadOnlyList<string?[]> columns, int[]? source = null, IReadOnlyList<(int, int)>? swaps = null)
    {
        swaps ??= [];
        if (swaps.Any(s => s.Item1 == s.Item2 || fields[s.Item1].Kind != fields[s.Item2].Kind))
            throw new ArgumentException("Swapped fields must be two different fields of the same kind.", nameof(swaps));
        if (fields.Count == 0) throw new ArgumentException("At least one field is needed.", nameof(fields));
        if (columns.Count != fields.Count) throw new ArgumentException($"{fields.Count} fields but {columns.Count} columns.", nameof(columns));
        var count = columns[0].Length;
        if (columns.Any(c => c.Length != count)) throw new ArgumentException("Every column needs one value per record.", nameof(columns));
        if (source is not null && source.Length != count) throw new ArgumentException("Source needs one value per record.", nameof(source));
        var values = new string?[fields.Count][];
        var sorted = new string?[fields.Count][];
        var grams = new int[fields.Count][][];
        // Fields are independent: normalise them side by side (NFKC and the bigram sets are most of the preparation).
        Parallel.For(0, fields.Count, f =>
        {
            var kind = fields[f].Kind;
            var column = new string?[count];
            for (var i = 0; i < count; i++) column[i] = FieldText.Normalise(kind, columns[f][i]);
            values[f] = column;
            sorted[f] = kind == FieldKind.Name ? Array.ConvertAll(column, FieldText.SortedWords) : [];
            grams[f] = kind == FieldKind.Address ? Array.ConvertAll(column, FieldText.Bigrams) : [];
        });
        return new MatchRecords(fields, count, source, swaps, values, sorted, grams);
    }

    /// <summary>A normalised value (null when missing), as the comparisons and blocking keys see it.</summary>
    public string? Value(int field, int record) => Values[field][record];

    /// <summary>
    /// The weighted score of a pair, writing each field's contribution (0 for a value missing on either side) into
    /// contributions; the score is their sum, so every decision can be explained field by field. For swap partners
    /// (given name and surname typed into each other's box) the crossed comparison counts when it agrees more.
    /// </summary>
    public double Score(int a, int b, Span<double> contributions)
    {
        for (var f = 0; f < Values.Length; f++)
            contributions[f] = Values[f][a] is null || Values[f][b] is null ? 0 : Fields[f].Contribution(Level(f, a, f, b));
        foreach (var (f, g) in Swaps)
        {
            if (Values[f][a] is null || Values[g][b] is null || Values[g][a] is null || Values[f][b] is null) continue;
            var (cf, cg) = (Fields[f].Contribution(Level(f, a, g, b)), Fields[g].Contribution(Level(g, a, f, b)));
            if (cf + cg > contributions[f] + contributions[g]) (contributions[f], contributions[g]) = (cf, cg);
        }
        var score = 0.0;
        foreach (var c in contributions[..Values.Length]) score += c;
        return score;
    }

    /// <summary>The agreement level of field fa of record a with field fb of record b (the same field unless swapped).</summary>
    double Level(int fa, int a, int fb, int b)
    {
        var (x, y) = (Values[fa][a]!, Values[fb][b]!);
        return Fields[fa].Kind switch
        {
            FieldKind.Name => FieldComparison.Name(x, y, Sorted[fa][a], Sorted[fb][b]),
            FieldKind.Text => FieldComparison.Text(x, y),
            FieldKind.Address => FieldComparison.Address(Grams[fa][a], Grams[fb][b]),
            FieldKind.Date => FieldComparison.Date(x, y),
            FieldKind.Digits => FieldComparison.Digits(x, y),
            FieldKind.Mobile => FieldComparison.Mobile(x, y),
            FieldKind.Email => FieldComparison.Email(x, y),
            _ => FieldComparison.Exact(x, y),
        };
    }
}
