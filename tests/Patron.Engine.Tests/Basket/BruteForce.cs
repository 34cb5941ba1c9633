using Patron.Engine.Basket;

namespace Patron.Engine.Tests.Basket;

/// <summary>The definitions, evaluated by exhaustive enumeration over every subset of a small catalogue (≤ 16 items).</summary>
static class BruteForce
{
    public static List<(int[] Items, int Count)> FrequentItemsets(BasketSet baskets, double minSupport, int maxLength = int.MaxValue)
    {
        var masks = Enumerable.Range(0, baskets.Count).Select(b => baskets[b].ToArray().Aggregate(0, (m, i) => m | 1 << i)).ToArray();
        var result = new List<(int[], int)>();
        for (var subset = 1; subset < 1 << baskets.ItemCount; subset++)
        {
            var items = Enumerable.Range(0, baskets.ItemCount).Where(i => (subset & 1 << i) != 0).ToArray();
            if (items.Length > maxLength) continue;
            var count = masks.Count(m => (m & subset) == subset);
            if ((double)count / baskets.Count >= minSupport) result.Add((items, count));
        }
        return result;
    }

    /// <summary>Every split of every frequent itemset, counted from the baskets, not from the mining result.</summary>
    public static List<AssociationRule> Rules(BasketSet baskets, double minSupport, double minConfidence, int maxConsequentLength)
    {
        var count = FrequentItemsets(baskets, 0.0).ToDictionary(s => Key(s.Items), s => s.Count);
        var rules = new List<AssociationRule>();
        foreach (var (items, c) in FrequentItemsets(baskets, minSupport).Where(s => s.Items.Length >= 2))
            for (var mask = 1; mask < (1 << items.Length) - 1; mask++)
            {
                var y = items.Where((_, k) => (mask & 1 << k) != 0).ToArray();
                if (y.Length > maxConsequentLength) continue;
                var x = items.Except(y).ToArray();
                var rule = AssociationRule.From(x, y, c, count[Key(x)], count[Key(y)], baskets.Count);
                if (rule.Confidence >= minConfidence) rules.Add(rule);
            }
        return rules;
    }

    static string Key(int[] items) => string.Join(",", items);

    /// <summary>Baskets of random size over a skewed catalogue, so that some itemsets are frequent and most are not.</summary>
    public static BasketSet RandomBaskets(Random random, int basketCount, int itemCount)
    {
        var baskets = new List<int[]>();
        for (var b = 0; b < basketCount; b++)
        {
            var size = random.Next(0, itemCount / 2 + 2);
            // Squaring a uniform favours low ids; repeats inside a basket are kept on purpose (they must count once).
            baskets.Add(Enumerable.Range(0, size).Select(_ => (int)(itemCount * Math.Pow(random.NextDouble(), 2))).ToArray());
        }
        var offsets = new int[basketCount + 1];
        for (var b = 0; b < basketCount; b++) offsets[b + 1] = offsets[b] + baskets[b].Length;
        return new BasketSet(offsets, [.. baskets.SelectMany(x => x)], itemCount);
    }
}
