namespace Patron.Engine.Matching;

/// <summary>Pairwise precision, recall and F1 of a clustering against the true entities.</summary>
public sealed record PairwiseAccuracy(long TruePairs, long PredictedPairs, long CorrectPairs)
{
    public double Precision => PredictedPairs == 0 ? 1 : (double)CorrectPairs / PredictedPairs;
    public double Recall => TruePairs == 0 ? 1 : (double)CorrectPairs / TruePairs;
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>
    /// Deduplication: a pair is predicted when both records share a cluster, true when they share an entity. Counted
    /// from the cluster × entity table (Σ C(n, 2) per cell, row and column), not by listing pairs.
    /// With source (linkage of two files), only pairs across the sources count: Σ nA × nB instead of C(n, 2).
    /// </summary>
    public static PairwiseAccuracy Of(IReadOnlyList<int> cluster, IReadOnlyList<string> entity, IReadOnlyList<int>? source = null)
    {
        if (cluster.Count != entity.Count || (source is not null && source.Count != cluster.Count))
            throw new ArgumentException("One cluster, entity (and source) per record.");
        var cells = new Dictionary<(int, string), (long A, long B)>();
        var clusters = new Dictionary<int, (long A, long B)>();
        var entities = new Dictionary<string, (long A, long B)>(StringComparer.Ordinal);
        for (var i = 0; i < cluster.Count; i++)
        {
            var second = source is not null && source[i] != 0;
            Count(cells, (cluster[i], entity[i]), second);
            Count(clusters, cluster[i], second);
            Count(entities, entity[i], second);
        }
        long Pairs<TKey>(Dictionary<TKey, (long A, long B)> d) where TKey : notnull =>
            d.Values.Sum(v => source is null ? v.A * (v.A - 1) / 2 : v.A * v.B);
        return new PairwiseAccuracy(Pairs(entities), Pairs(clusters), Pairs(cells));
    }

    static void Count<TKey>(Dictionary<TKey, (long A, long B)> d, TKey key, bool second) where TKey : notnull
    {
        d.TryGetValue(key, out var v);
        d[key] = second ? (v.A, v.B + 1) : (v.A + 1, v.B);
    }
}
