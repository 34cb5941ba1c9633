namespace Patron.Engine.Matching;

/// <summary>
/// Deterministic links: records with the same normalised value of an identifier field (mobile, email, member card)
/// are one customer, whatever their other fields say. A masked mobile (138****8000) identifies no one and is skipped.
/// </summary>
public static class IdentifierLinks
{
    /// <summary>Unites the records that share an identifier; returns how many unions that made.</summary>
    public static long Link(MatchRecords records, UnionFind sets)
    {
        long links = 0;
        for (var f = 0; f < records.Fields.Count; f++)
        {
            if (!records.Fields[f].Identifier) continue;
            var first = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < records.Count; i++)
            {
                var v = records.Value(f, i);
                if (v is null || v.Contains('*')) continue;
                if (!first.TryAdd(v, i) && sets.Union(first[v], i)) links++;
            }
        }
        return links;
    }
}
