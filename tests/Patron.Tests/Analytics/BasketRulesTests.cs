using Patron.Analytics;
using Microsoft.Extensions.DependencyInjection;
using Patron.Analytics.Basket;
using Patron.Commerce.Contracts;
using Patron.Platform;
using Patron.Tests.Infrastructure;

namespace Patron.Tests.Analytics;

public sealed class BasketRulesTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static Task<BasketRules> MineAsync(PatronDb db, MineBasketRules query) =>
        new MineBasketRulesHandler(new SalesHistory(db), new CatalogLookup(db), TimeProvider.System).HandleAsync(query, Ct);

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Product_rules_have_the_hand_counted_support_confidence_lift_leverage_and_conviction(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext();
        var shop = await BasketShop.SeedAsync(db);

        var result = await MineAsync(db, new MineBasketRules(MinSupport: 0.3, MinConfidence: 0.5, MinLift: 1));

        Assert.Equal(9, result.Baskets);                         // the cancelled order is not a purchase
        Assert.Equal(5, result.Itemsets);                        // M, B, E, A and MB reach 3 of 9 baskets
        Assert.Equal([(shop.Bread, shop.Milk), (shop.Milk, shop.Bread)], result.Rules.Select(r => (r.Antecedent.Single().Id, r.Consequent.Single().Id)));
        var milkToBread = result.Rules[1];
        Assert.Equal(("牛奶", "面包", 4), (milkToBread.Antecedent[0].Name, milkToBread.Consequent[0].Name, milkToBread.Count));
        Assert.Equal(4 / 9.0, milkToBread.Support, 12);
        Assert.Equal(4 / 6.0, milkToBread.Confidence, 12);
        Assert.Equal(4 / 6.0 / (5 / 9.0), milkToBread.Lift, 12);   // 1.2
        Assert.Equal(4 / 9.0 - 6 / 9.0 * (5 / 9.0), milkToBread.Leverage, 12);
        Assert.Equal((1 - 5 / 9.0) / (1 - 4 / 6.0), milkToBread.Conviction, 12);
        Assert.Equal(0.8, result.Rules[0].Confidence, 12);       // B ⇒ M: same lift, higher confidence, listed first
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Category_rules_count_a_category_once_per_basket_and_filters_narrow_the_baskets(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext();
        var shop = await BasketShop.SeedAsync(db);

        var categories = await MineAsync(db, new MineBasketRules(BasketLevel.Category, MinSupport: 0.2, MinConfidence: 0.5, MinLift: 0));
        var secondStore = await MineAsync(db, new MineBasketRules(StoreId: shop.Second, MinSupport: 0.5, MinConfidence: 0.5));

        // 早餐 in 8 baskets, 水果 in 3, both in 2: 水果 ⇒ 早餐 at 2/3, lift (2/3)/(8/9) = 0.75; the reverse (2/8) is too weak.
        var rule = Assert.Single(categories.Rules);
        Assert.Equal((shop.Fruit, shop.Breakfast, "水果"), (rule.Antecedent[0].Id, rule.Consequent[0].Id, rule.Antecedent[0].Name));
        Assert.Equal(2 / 3.0, rule.Confidence, 12);
        Assert.Equal(0.75, rule.Lift, 12);
        Assert.Equal(1, secondStore.Baskets);
        // The second store sold one basket, milk and bread: each implies the other, always.
        Assert.Equal(new[] { shop.Bread, shop.Milk }.Order(), secondStore.Rules.Select(r => r.Antecedent[0].Id).Order());
        Assert.All(secondStore.Rules, r => Assert.Equal((1.0, 1.0), (r.Confidence, r.Lift)));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Recommendations_follow_the_rules_from_what_the_customer_bought_and_skip_what_they_have(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        BasketShop shop;
        await using (var db = database.NewContext()) shop = await BasketShop.SeedAsync(db);
        var services = new ServiceCollection().AddSingleton(TimeProvider.System).AddScoped(_ => database.NewContext())
            .AddScoped<SalesHistory>().AddScoped<CatalogLookup>().AddScoped<MineBasketRulesHandler>().AddSingleton<AnalyticsCache>()
            .AddScoped<RecommendHandler>().AddScoped<BoughtTogetherHandler>().BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();

        var picks = await scope.ServiceProvider.GetRequiredService<RecommendHandler>().HandleAsync(shop.Chen, ct: Ct);
        var withMilk = await scope.ServiceProvider.GetRequiredService<BoughtTogetherHandler>().ForProductAsync(shop.Milk, ct: Ct);

        // Chen bought apples and milk. M ⇒ B scores 2/3 × 1.2 = 0.8; M ⇒ E and A ⇒ E both 1/3 × 1.0.
        Assert.Equal([shop.Bread, shop.Eggs], picks.Select(p => p.ProductId));
        Assert.Equal((RecommendationReason.BoughtTogether, "牛奶", 0.8), (picks[0].Reason, picks[0].Because, Math.Round(picks[0].Score, 12)));
        Assert.DoesNotContain(picks, p => p.ProductId == shop.Milk || p.ProductId == shop.Apples);
        // With milk (6 baskets): bread 4, eggs 2, apples 1 (lift (1/6)/(3/9) = 0.5, below 1, so not a rule).
        Assert.Equal([(shop.Bread, 4), (shop.Eggs, 2)], withMilk.Select(w => (w.ProductId, w.Baskets)));
    }
}
