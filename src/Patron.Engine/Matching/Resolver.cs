using System.Collections.Concurrent;

namespace Patron.Engine.Matching;

/// <summary>
/// Identity resolution of a batch of records: deterministic links on shared identifiers, then blocking, scoring of the
/// candidate pairs in parallel (one scratch buffer per thread, no allocation per pair below the review threshold),
/// the two thresholds, and clustering of the identifier links and merged pairs by union-find (so matching is
/// transitive: a~b and b~c put a, b and c together). Pairs to review do not join clusters.
/// </summary>
public static class Resolver
{
    public static Resolution Resolve(MatchRecords records, MatchSettings settings)
    {
        settings.Validate();
        var sets = new UnionFind(records.Count);
        var deterministic = IdentifierLinks.Link(records, sets);
        var plan = new BlockPlan(records, settings.Keys, settings.MaxBlock);
        var found = new ConcurrentBag<List<ScoredPair>>();
        long compared = 0;
        Parallel.For(0, plan.Blocks, () => (Pairs: new List<ScoredPair>(), Compared: 0L, Scratch: new double[records.Fields.Count]),
            (b, _, local) =>
            {
                var members = plan.Members(b, out var key);
                for (var i = 0; i < members.Length; i++)
                    for (var j = i + 1; j < members.Length; j++)
                    {
                        var (x, y) = members[i] < members[j] ? (members[i], members[j]) : (members[j], members[i]);
                        if (records.Source is { } s && s[x] == s[y]) continue;
                        if (plan.SeenBefore(key, x, y)) continue;
                        local.Compared++;
                        var score = records.Score(x, y, local.Scratch);
                        if (score < settings.Lower) continue;
                        var decision = score >= settings.Upper ? MatchDecision.Merge : MatchDecision.Review;
                        local.Pairs.Add(new ScoredPair(x, y, score, (double[])local.Scratch.Clone(), decision));
                    }
                return local;
            },
            local => { found.Add(local.Pairs); Interlocked.Add(ref compared, local.Compared); });
        var pairs = found.SelectMany(p => p).OrderBy(p => p.A).ThenBy(p => p.B).ToList();
        if (settings.OneToOne) pairs = OneToOne(pairs, records.Count);
        foreach (var p in pairs) if (p.Decision == MatchDecision.Merge) sets.Union(p.A, p.B);
        return new Resolution(sets.Labels(), pairs, deterministic, compared, plan.Blocks, plan.SkippedBlocks, plan.SkippedRecords);
    }

    /// <summary>
    /// Greedy one-to-one assignment for linkage: pairs by descending score, each record keeps its best merge; a pair
    /// that loses its record to a better one is demoted to review, so the reviewer still sees it.
    /// </summary>
    static List<ScoredPair> OneToOne(List<ScoredPair> pairs, int count)
    {
        var taken = new bool[count];
        var result = new List<ScoredPair>(pairs.Count);
        foreach (var p in pairs.Where(p => p.Decision == MatchDecision.Merge).OrderByDescending(p => p.Score).ThenBy(p => p.A).ThenBy(p => p.B))
        {
            if (taken[p.A] || taken[p.B]) { result.Add(p with { Decision = MatchDecision.Review }); continue; }
            taken[p.A] = taken[p.B] = true;
            result.Add(p);
        }
        result.AddRange(pairs.Where(p => p.Decision == MatchDecision.Review));
        result.Sort((x, y) => x.A != y.A ? x.A.CompareTo(y.A) : x.B.CompareTo(y.B));
        return result;
    }
}
