namespace Patron.Analytics.Basket;

public sealed record BoughtTogetherItem(Guid ProductId, string Name, double Confidence, double Lift, int Baskets);

/// <summary>A suggested bundle: items that sell together more than chance, with how often (support) and how strongly (lift).</summary>
public sealed record Bundle(IReadOnlyList<RuleItem> Items, double Support, double Lift, int Baskets);

/// <summary>"Frequently bought together" for one product, and bundles, both read off the cached default rules.</summary>
public sealed class BoughtTogetherHandler(AnalyticsCache cache)
{
    /// <summary>Pairs need less support than the rules page: a product page is about one product, and 0.05% of a
    /// chain's baskets is still hundreds of them.</summary>
    public static readonly MineBasketRules PairsQuery = new(MinSupport: 0.0005, MinConfidence: 0.05, MinLift: 1.0, Top: 5000);

    /// <summary>Products bought with this one: the rules {product} ⇒ {other}, by confidence.</summary>
    public async Task<IReadOnlyList<BoughtTogetherItem>> ForProductAsync(Guid productId, int count = 5, CancellationToken ct = default)
    {
        var rules = await cache.GetAsync(PairsQuery, ct);
        return rules.Rules
            .Where(r => r.Antecedent.Count == 1 && r.Antecedent[0].Id == productId && r.Consequent.Count == 1)
            .OrderByDescending(r => r.Confidence).ThenByDescending(r => r.Lift)
            .Take(count)
            .Select(r => new BoughtTogetherItem(r.Consequent[0].Id, r.Consequent[0].Name, r.Confidence, r.Lift, r.Count))
            .ToList();
    }

    /// <summary>
    /// Each frequent itemset behind a rule is a bundle candidate; ranked by support × lift, so that a bundle both
    /// sells often and is more than two best-sellers that happen to meet. Pairs and triples alike.
    /// </summary>
    public async Task<IReadOnlyList<Bundle>> BundlesAsync(int count = 10, CancellationToken ct = default)
    {
        var rules = await cache.GetAsync(AnalyticsCache.Default, ct);
        return rules.Rules
            .Select(r => (Items: r.Antecedent.Concat(r.Consequent).OrderBy(i => i.Id).ToList(), Rule: r))
            .GroupBy(x => string.Join(",", x.Items.Select(i => i.Id)))
            .Select(g => g.MaxBy(x => x.Rule.Lift))
            .Select(x => new Bundle(x.Items, x.Rule.Support, x.Rule.Lift, x.Rule.Count))
            .OrderByDescending(b => b.Support * b.Lift).ThenBy(b => b.Items[0].Id)
            .Take(count)
            .ToList();
    }
}
