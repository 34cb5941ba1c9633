namespace Patron.Bench;

/// <summary>
/// One customer's RFM as every system must produce it: recency in whole days (null when the customer made no
/// purchase), purchases, and net spend in ten-thousandths (the CLI's amount unit, so the comparison is exact,
/// not after rounding to cents).
/// </summary>
readonly record struct RfmRow(int? RecencyDays, int Frequency, long Monetary);

static class RfmResult
{
    public const decimal AmountScale = Patron.Cli.Files.RfmInput.AmountScale;

    public static long Units(decimal amount) => decimal.ToInt64(decimal.Round(amount * AmountScale, MidpointRounding.AwayFromZero));

    /// <summary>Throws with the first differences when two systems disagree on any customer.</summary>
    public static void RequireSame(string nameA, IReadOnlyDictionary<string, RfmRow> a, string nameB, IReadOnlyDictionary<string, RfmRow> b)
    {
        var diffs = new List<string>();
        foreach (var (id, row) in a)
        {
            if (!b.TryGetValue(id, out var other)) diffs.Add($"{id}: {row} in {nameA}, missing in {nameB}");
            else if (row != other) diffs.Add($"{id}: {nameA} {row} vs {nameB} {other}");
        }
        foreach (var id in b.Keys)
            if (!a.ContainsKey(id)) diffs.Add($"{id}: missing in {nameA}, {b[id]} in {nameB}");
        if (diffs.Count > 0)
            throw new InvalidOperationException($"{nameA} and {nameB} disagree on {diffs.Count} customers, e.g.:\n  " + string.Join("\n  ", diffs.Take(10)));
    }
}

/// <summary>A system under test: load the file into its own form, compute RFM on what it loaded, or both in one go.</summary>
interface IRfmSystem : IDisposable
{
    string Name { get; }
    string Version { get; }
    void Load();
    Dictionary<string, RfmRow> Compute();
    Dictionary<string, RfmRow> EndToEnd();
}
