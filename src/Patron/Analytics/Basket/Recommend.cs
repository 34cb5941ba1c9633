using Patron.Commerce.Contracts;

namespace Patron.Analytics.Basket;

/// <summary>Why a product is suggested: a rule from something the customer bought, or popularity in a category they favour.</summary>
public enum RecommendationReason { BoughtTogether, FavouriteCategory }

/// <param name="Because">The bought product of the strongest rule, or the favoured category.</param>
public sealed record Recommendation(Guid ProductId, string Name, double Score, RecommendationReason Reason, string Because,
    double? Confidence, double? Lift);

/// <summary>
/// Products a customer has not bought yet, best first. Rules come first: a candidate scores the highest
/// confidence × lift among rules whose antecedent the customer has wholly bought. The rest is filled from the
/// customer's category interests (their spend share per category) times the product's share of that category's
/// sales, so that a customer with few rules still gets suggestions close to what they buy. Both scores are on one
/// scale only within their kind; rule-based suggestions always rank first.
/// </summary>
public sealed class RecommendHandler(AnalyticsCache cache, CatalogLookup catalog)
{
    public async Task<IReadOnlyList<Recommendation>> HandleAsync(Guid customerId, int count = 6, CancellationToken ct = default)
    {
        var bought = await catalog.ProductsBoughtAsync(customerId, ct);
        if (bought.Count == 0) return [];
        var rules = await cache.GetAsync(AnalyticsCache.Default, ct);
        var picks = new Dictionary<Guid, Recommendation>();
        foreach (var rule in rules.Rules)
        {
            if (!rule.Antecedent.All(a => bought.ContainsKey(a.Id))) continue;
            foreach (var c in rule.Consequent)
            {
                if (bought.ContainsKey(c.Id)) continue;
                var score = rule.Confidence * rule.Lift;
                if (picks.TryGetValue(c.Id, out var seen) && seen.Score >= score) continue;
                picks[c.Id] = new Recommendation(c.Id, c.Name, score, RecommendationReason.BoughtTogether,
                    string.Join("、", rule.Antecedent.Select(a => a.Name)), rule.Confidence, rule.Lift);
            }
        }
        var result = picks.Values.OrderByDescending(r => r.Score).Take(count).ToList();
        if (result.Count < count) result.AddRange(await ByCategoryAsync(bought, picks.Keys.ToHashSet(), count - result.Count, ct));
        return result;
    }

    async Task<IEnumerable<Recommendation>> ByCategoryAsync(Dictionary<Guid, long> bought, HashSet<Guid> taken, int count, CancellationToken ct)
    {
        var categoryOf = await catalog.ProductCategoriesAsync(ct);
        var names = await catalog.ProductNamesAsync(ct);
        var categoryNames = await catalog.CategoryNamesAsync(ct);
        var popularity = await cache.PopularityAsync(ct);
        var total = Math.Max(1, bought.Values.Sum());
        var interest = bought.GroupBy(b => categoryOf.GetValueOrDefault(b.Key))
            .ToDictionary(g => g.Key, g => (double)g.Sum(b => b.Value) / total);
        var categorySales = popularity.GroupBy(p => categoryOf.GetValueOrDefault(p.Key)).ToDictionary(g => g.Key, g => Math.Max(1L, g.Sum(p => p.Value)));
        return popularity
            .Where(p => !bought.ContainsKey(p.Key) && !taken.Contains(p.Key) && interest.ContainsKey(categoryOf.GetValueOrDefault(p.Key)))
            .Select(p =>
            {
                var category = categoryOf[p.Key];
                var score = interest[category] * p.Value / categorySales[category];
                return new Recommendation(p.Key, names.GetValueOrDefault(p.Key, "?"), score, RecommendationReason.FavouriteCategory,
                    categoryNames.GetValueOrDefault(category, "?"), null, null);
            })
            .OrderByDescending(r => r.Score).ThenBy(r => r.ProductId).Take(count);
    }
}
