namespace Patron.Engine.Basket;

/// <summary>
/// Frequent itemsets by FP-Growth (Han, Pei &amp; Yin 2000, "Mining Frequent Patterns without Candidate Generation",
/// SIGMOD): two passes over the baskets (count the items, then insert each basket's frequent items, most frequent
/// first, into one FP-tree), then mining the tree by conditional pattern bases without generating candidates.
/// The result is the same set as Apriori's (Agrawal &amp; Srikant 1994) with exact counts; the tests check it against
/// exhaustive enumeration.
/// </summary>
public static class FpGrowth
{
    /// <param name="minSupport">A fraction of the baskets in (0, 1]: an itemset is frequent when count / baskets ≥ minSupport.</param>
    /// <param name="maxLength">The longest itemset to report (null: no limit).</param>
    public static FrequentItemsets Mine(BasketSet baskets, double minSupport, int? maxLength = null)
    {
        if (!(minSupport > 0 && minSupport <= 1)) throw new ArgumentOutOfRangeException(nameof(minSupport), minSupport, "Minimum support must be in (0, 1].");
        if (maxLength is < 1) throw new ArgumentOutOfRangeException(nameof(maxLength), maxLength, "Maximum length must be at least 1.");
        var n = baskets.Count;
        var minCount = MinCount(minSupport, n);
        if (n == 0) return new FrequentItemsets(0, minCount, []);

        var frequency = CountItems(baskets);
        // The f-list: frequent items by descending count (ties by id, so the tree and the output are deterministic).
        var itemOfRank = Enumerable.Range(0, baskets.ItemCount).Where(i => frequency[i] >= minCount)
            .OrderByDescending(i => frequency[i]).ThenBy(i => i).ToArray();
        var rankOf = new int[baskets.ItemCount];
        Array.Fill(rankOf, -1);
        for (var r = 0; r < itemOfRank.Length; r++) rankOf[itemOfRank[r]] = r;

        var tree = BuildTree(baskets, rankOf, itemOfRank.Length);
        var miner = new FpMiner(minCount, maxLength ?? int.MaxValue, itemOfRank);
        miner.Mine(tree);
        return new FrequentItemsets(n, minCount, miner.Result);
    }

    /// <summary>The smallest count c with c / n ≥ minSupport, decided in the same double arithmetic as that comparison.</summary>
    public static int MinCount(double minSupport, int n)
    {
        var c = (int)Math.Min(n + 1L, (long)Math.Ceiling(minSupport * n));
        while (c > 1 && (double)(c - 1) / n >= minSupport) c--;
        while (c <= n && (double)c / n < minSupport) c++;
        return Math.Max(1, c);
    }

    static int[] CountItems(BasketSet baskets)
    {
        var frequency = new int[baskets.ItemCount];
        var lastBasket = new int[baskets.ItemCount];
        Array.Fill(lastBasket, -1);
        for (var b = 0; b < baskets.Count; b++)
            foreach (var i in baskets[b])
                if (lastBasket[i] != b) { lastBasket[i] = b; frequency[i]++; }
        return frequency;
    }

    static FpTree BuildTree(BasketSet baskets, int[] rankOf, int frequentItems)
    {
        var (offsets, ranks) = RankPaths(baskets, rankOf, frequentItems);
        var tree = new FpTree();
        tree.Reset(frequentItems, ranks.Length);
        for (var r = 0; r < frequentItems; r++) tree.GlobalItem[r] = r;
        foreach (var p in PathOrder.Sort(offsets, ranks, frequentItems))
            tree.InsertInOrder(ranks.AsSpan(offsets[p], offsets[p + 1] - offsets[p]), 1);
        tree.Finish();
        return tree;
    }

    /// <summary>Each basket's frequent items as ascending ranks, once each; baskets with none are left out.</summary>
    static (int[] Offsets, int[] Ranks) RankPaths(BasketSet baskets, int[] rankOf, int frequentItems)
    {
        var offsets = new List<int>(baskets.Count + 1) { 0 };
        var ranks = new int[baskets.Items.Length];
        var length = 0;
        var lastBasket = new int[frequentItems];
        Array.Fill(lastBasket, -1);
        for (var b = 0; b < baskets.Count; b++)
        {
            var start = length;
            foreach (var i in baskets[b])
                if (rankOf[i] is >= 0 and var r && lastBasket[r] != b) { lastBasket[r] = b; ranks[length++] = r; }
            if (length == start) continue;
            ranks.AsSpan(start, length - start).Sort();
            offsets.Add(length);
        }
        return ([.. offsets], ranks);
    }
}
