namespace Patron.Engine.Matching;

/// <summary>
/// How to resolve: the blocking keys, the two thresholds on the score (at or above Upper merge automatically; from
/// Lower up to Upper queue for review; below Lower keep apart), the largest block compared, and for linkage of two
/// sources whether each record links to at most one record of the other source (the best-scoring one).
/// </summary>
public sealed record MatchSettings(IReadOnlyList<BlockingKey> Keys, double Upper, double Lower, int MaxBlock = 500, bool OneToOne = false)
{
    public void Validate()
    {
        if (Keys.Count == 0) throw new ArgumentException("At least one blocking key is needed.");
        if (!(Lower <= Upper)) throw new ArgumentException($"The review threshold ({Lower}) must not be above the merge threshold ({Upper}).");
        if (MaxBlock < 2) throw new ArgumentException("MaxBlock must be at least 2.");
    }
}

public enum MatchDecision { Merge, Review }

/// <summary>A compared pair at or above the review threshold, with each field's contribution (they sum to Score).</summary>
public sealed record ScoredPair(int A, int B, double Score, double[] Contributions, MatchDecision Decision);

/// <summary>
/// The outcome: for each record the label of its cluster (the smallest record index in it; a record alone is its own),
/// the pairs to merge and to review, and the counts that show how much work blocking left.
/// </summary>
public sealed record Resolution(
    int[] Cluster, IReadOnlyList<ScoredPair> Pairs, long DeterministicLinks, long PairsCompared,
    int Blocks, long SkippedBlocks, long SkippedRecords)
{
    public int Clusters => Cluster.Where((c, i) => c == i).Count();
    public int Merged => Pairs.Count(p => p.Decision == MatchDecision.Merge);
    public int Reviews => Pairs.Count(p => p.Decision == MatchDecision.Review);
}
