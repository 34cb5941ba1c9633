using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Patron.Analytics.Trends;
using Patron.Commerce.Contracts;
using Patron.DemoData;
using Patron.Platform;
using Patron.Tests.Infrastructure;

namespace Patron.Tests.Analytics;

public sealed class TrendsTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    // 02:00 on 11 March in Shanghai.
    static readonly DateTime Now = new(2026, 3, 10, 18, 0, 0, DateTimeKind.Utc);

    static readonly IOptions<PatronOptions> China = Options.Create(new PatronOptions());

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Cohorts_group_customers_by_their_first_local_purchase_month(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext();
        await SampleShop.SeedAsync(db, Now);

        var cohorts = await new GetCohortsHandler(new SalesHistory(db), new FixedClock(Now), China).HandleAsync(ct: Ct);

        // Wang first bought 100 days ago: 1 December in Shanghai (30 November in UTC), then twice in March.
        // Li bought once, on 30 January. The cancelled order does not count.
        Assert.Equal([(new DateOnly(2025, 12, 1), 1), (new DateOnly(2026, 1, 1), 1)], cohorts.Select(c => (c.Month, c.Customers)));
        Assert.Equal([1.0, 0, 0, 1.0], cohorts[0].Retention);
        Assert.Equal([1.0, 0, 0], cohorts[1].Retention);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Top_and_rising_products_compare_the_period_with_the_one_before(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext();
        var shop = await SampleShop.SeedAsync(db, Now);
        var handler = new GetProductTrendsHandler(new SalesHistory(db), new CatalogLookup(db), new FixedClock(Now), China);

        var month = await handler.HandleAsync(new GetProductTrends(Days: 28), Ct);
        var week = await handler.HandleAsync(new GetProductTrends(Days: 7, StoreId: shop.Downtown.Id), Ct);

        // Last 28 days: rice 8,000 and apples 2,000 (Wang), milk 5,550 (Wang, airport), apples 2,000 (walk-in today).
        // The 28 days before: Li's rice 8,000, so rice did not grow.
        Assert.Equal([("五常大米 5kg", 8000L, 8000L), ("鲜牛奶 1L", 5550L, 0L), ("烟台红富士苹果", 4000L, 0L)],
            month.Top.Select(t => (t.Name, t.Sales, t.PreviousSales)));
        Assert.Empty(month.Rising);
        Assert.Equal((new DateOnly(2026, 2, 12), new DateOnly(2026, 3, 11)), (month.From, month.To));
        // Downtown, last 7 days: rice 8,000, apples 4,000; the week before: nothing there.
        Assert.Equal([8000L, 4000L], week.Top.Select(t => t.Sales));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Weekly_category_sales_add_up_to_the_lines_and_carry_a_forecast_with_its_holdout_error(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var asOf = new DateOnly(2026, 3, 1);
        await using (var seed = database.NewContext())
            await DemoDataWriter.WriteAsync(seed, new DemoDataOptions { Customers = 300, Months = 8, Seed = 5, AsOf = asOf }, null, Ct);
        await using var db = database.NewContext();
        // Sunday 1 March 2026, noon in Shanghai: the weeks end on Sunday 22 February.
        var clock = new FixedClock(new DateTime(2026, 3, 1, 4, 0, 0, DateTimeKind.Utc));

        var forecasts = await new GetCategoryForecastsHandler(new SalesHistory(db), new CatalogLookup(db), clock, China)
            .HandleAsync(new GetCategoryForecasts(Weeks: 20, Horizon: 4, Holdout: 6), Ct);

        var start = new DateTime(2025, 10, 5, 16, 0, 0, DateTimeKind.Utc);    // Monday 6 October, Shanghai midnight
        var end = new DateTime(2026, 2, 22, 16, 0, 0, DateTimeKind.Utc);   // Monday 23 February
        var expected = await (from o in db.Orders
                              join l in db.OrderLines on o.Id equals l.OrderId
                              where o.PlacedAt >= start && o.PlacedAt < end && (o.Status == OrderStatus.Completed || o.Status == OrderStatus.PartlyRefunded)
                              select l.Amount).SumAsync(Ct);
        Assert.Equal(expected, forecasts.Sum(f => f.Sales.Sum()));
        Assert.All(forecasts, f =>
        {
            Assert.Equal(new DateOnly(2025, 10, 6), f.WeekStarts[0]);
            Assert.Equal(20, f.Sales.Count);
            Assert.Equal(4, f.Forecast.Count);
            Assert.Equal(6, f.HoldoutForecast.Count);
        });
        Assert.Contains(forecasts, f => f.HoldoutWape > 0);
        Assert.True(forecasts.SequenceEqual(forecasts.OrderByDescending(f => f.Sales.Sum())));
    }
}
