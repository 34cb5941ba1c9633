namespace Patron.Engine.Basket;

/// <summary>A set of item ids (ascending) and the number of baskets that hold all of them.</summary>
public sealed record FrequentItemset(int[] Items, int Count);

/// <summary>
/// The result of mining: every itemset whose support count/BasketCount is at least the minimum support,
/// with a lookup of the count of any of them (rules need the counts of their antecedents and consequents).
/// </summary>
public sealed class FrequentItemsets
{
    readonly Dictionary<int[], int> counts;
    readonly Dictionary<int[], int>.AlternateLookup<ReadOnlySpan<int>> bySpan;

    public FrequentItemsets(int basketCount, int minCount, IReadOnlyList<FrequentItemset> itemsets)
    {
        BasketCount = basketCount;
        MinCount = minCount;
        Itemsets = itemsets;
        counts = new Dictionary<int[], int>(itemsets.Count, ItemsetComparer.Instance);
        foreach (var s in itemsets) counts.Add(s.Items, s.Count);
        bySpan = counts.GetAlternateLookup<ReadOnlySpan<int>>();
    }

    public int BasketCount { get; }

    /// <summary>The smallest count that meets the minimum support.</summary>
    public int MinCount { get; }

    public IReadOnlyList<FrequentItemset> Itemsets { get; }

    /// <summary>The count of a frequent itemset given in ascending order; 0 when it is not frequent.</summary>
    public int CountOf(ReadOnlySpan<int> ascendingItems) => bySpan.TryGetValue(ascendingItems, out var c) ? c : 0;

    public double SupportOf(ReadOnlySpan<int> ascendingItems) => (double)CountOf(ascendingItems) / BasketCount;
}
