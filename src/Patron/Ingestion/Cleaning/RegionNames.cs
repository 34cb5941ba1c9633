namespace Patron.Ingestion.Cleaning;

/// <summary>
/// The names of a list of regions grouped by their first character, each group in the list's order (region by region,
/// full name before short forms). The address parser asks only for the names that can start at a position instead of
/// comparing all ~1,000 of them; because each group keeps the list's order, it finds the same reading the full scan did.
/// </summary>
internal sealed class RegionNames
{
    public static readonly RegionNames None = new([]);

    readonly Dictionary<char, (Region Region, string Name, bool Full)[]> byFirst;

    public RegionNames(IEnumerable<Region> regions) =>
        byFirst = regions.SelectMany(r => r.Names.Where(n => n.Name.Length > 0).Select(n => (Region: r, n.Name, n.Full)))
            .GroupBy(n => n.Name[0]).ToDictionary(g => g.Key, g => g.ToArray());

    /// <summary>The names that could start at s[pos], in the list's order.</summary>
    public ReadOnlySpan<(Region Region, string Name, bool Full)> At(string s, int pos) =>
        pos < s.Length && byFirst.TryGetValue(s[pos], out var names) ? names : [];
}
