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
    internal readonly string?[][] Values;
    internal readonly string?[][] Sorted;
    internal readonly int[][][] Grams;

    MatchRecords(IReadOnlyList<MatchField> fields, int count, int[]? source, string?[][] values, string?[][] sorted, int[][][] grams) =>
        (Fields, Count, Source, Values, Sorted, Grams) = (fields, count, source, values, sorted, grams);

    public static MatchRecords Prepare(IReadOnlyList<MatchField> fields, IReadOnlyList<string?[]> columns, int[]? source = null)
    {
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
        return new MatchRecords(fields, count, source, values, sorted, grams);
    }

    /// <summary>A normalised value (null when missing), as the comparisons and blocking keys see it.</summary>
    public string? Value(int field, int record) => Values[field][record];

    /// <summary>
    /// The weighted score of a pair, writing each field's contribution (0 for a value missing on either side) into
    /// contributions; the score is their sum, so every decision can be explained field by field.
    /// </summary>
    public double Score(int a, int b, Span<double> contributions)
    {
        var score = 0.0;
        for (var f = 0; f < Values.Length; f++)
        {
            var x = Values[f][a];
            var y = Values[f][b];
            if (x is null || y is null) { contributions[f] = 0; continue; }
            var field = Fields[f];
            var level = field.Kind switch
            {
                FieldKind.Name => FieldComparison.Name(x, y, Sorted[f][a], Sorted[f][b]),
                FieldKind.Text => FieldComparison.Text(x, y),
                FieldKind.Address => FieldComparison.Address(Grams[f][a], Grams[f][b]),
                FieldKind.Date => FieldComparison.Date(x, y),
                FieldKind.Digits => FieldComparison.Digits(x, y),
                FieldKind.Mobile => FieldComparison.Mobile(x, y),
                FieldKind.Email => FieldComparison.Email(x, y),
                _ => FieldComparison.Exact(x, y),
            };
            contributions[f] = field.Contribution(level);
            score += contributions[f];
        }
        return score;
    }
}
