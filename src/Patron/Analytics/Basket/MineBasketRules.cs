using Patron.Commerce.Contracts;
using Patron.Engine.Basket;

namespace Patron.Analytics.Basket;

public enum BasketLevel { Product, Category }

/// <summary>Association rules over the purchases in a period (UTC, [From, Until)) and optionally one store.</summary>
public sealed record MineBasketRules(BasketLevel Level = BasketLevel.Product, DateTime? From = null, DateTime? Until = null,
    Guid? StoreId = null, double MinSupport = 0.002, double MinConfidence = 0.1, double MinLift = 1.0, int Top = 300);

public sealed record RuleItem(Guid Id, string Name);

public sealed record BasketRuleView(IReadOnlyList<RuleItem> Antecedent, IReadOnlyList<RuleItem> Consequent,
    int Count, double Support, double Confidence, double Lift, double Leverage, double Conviction);

/// <summary>The strongest rules (by lift, then confidence) and how many baskets and frequent itemsets they came from.</summary>
public sealed record BasketRules(MineBasketRules Query, int Baskets, int Itemsets, int RulesFound, IReadOnlyList<BasketRuleView> Rules,
    DateTime ComputedAt, double Seconds);

/// <summary>
/// FP-Growth (Patron.Engine.Basket) over the order lines of purchases: one basket per order, an item per product or per
/// category (a basket holding two products of one category has that category once). Itemsets stop at three items:
/// rules longer than "A and B ⇒ C" are rarely acted on and multiply the work.
/// </summary>
public sealed class MineBasketRulesHandler(SalesHistory history, CatalogLookup catalog, TimeProvider clock)
{
    public const int MaxItemsetLength = 3;

    public async Task<BasketRules> HandleAsync(MineBasketRules q, CancellationToken ct = default)
    {
        var started = clock.GetTimestamp();
        var (baskets, items) = await ReadAsync(q, ct);
        var itemsets = FpGrowth.Mine(baskets, q.MinSupport, MaxItemsetLength);
        var rules = AssociationRules.Generate(itemsets, q.MinConfidence, q.MinLift);
        var names = q.Level == BasketLevel.Product ? await catalog.ProductNamesAsync(ct) : await catalog.CategoryNamesAsync(ct);
        RuleItem Item(int i) => new(items[i], names.GetValueOrDefault(items[i], "?"));
        var top = rules.OrderByDescending(r => r.Lift).ThenByDescending(r => r.Confidence).ThenByDescending(r => r.Count)
            .Take(Math.Clamp(q.Top, 1, 5000))
            .Select(r => new BasketRuleView([.. r.Antecedent.Select(Item)], [.. r.Consequent.Select(Item)], r.Count,
                r.Support, r.Confidence, r.Lift, r.Leverage, r.Conviction))
            .ToList();
        return new BasketRules(q, baskets.Count, itemsets.Itemsets.Count, rules.Count, top, clock.GetUtcNow().UtcDateTime,
            clock.GetElapsedTime(started).TotalSeconds);
    }

    async Task<(BasketSet Baskets, List<Guid> Items)> ReadAsync(MineBasketRules q, CancellationToken ct)
    {
        var ids = new Dictionary<Guid, int>();
        var items = new List<Guid>();
        var offsets = new List<int> { 0 };
        var flat = new List<int>();
        Guid? order = null;
        await foreach (var line in history.BasketLinesAsync(new BasketFilter(q.From, q.Until, q.StoreId), ct))
        {
            if (order != line.OrderId)
            {
                if (order is not null) offsets.Add(flat.Count);
                order = line.OrderId;
            }
            var key = q.Level == BasketLevel.Product ? line.ProductId : line.CategoryId;
            if (!ids.TryGetValue(key, out var id))
            {
                ids[key] = id = items.Count;
                items.Add(key);
            }
            flat.Add(id);
        }
        if (order is not null) offsets.Add(flat.Count);
        return (new BasketSet([.. offsets], [.. flat], items.Count), items);
    }
}
