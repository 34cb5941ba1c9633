using Microsoft.Extensions.Options;
using Patron.Analytics;
using Patron.Platform;
using Patron.Tests.Infrastructure;

namespace Patron.Tests.Analytics;

public sealed class GetDashboardTests
{
    // 02:00 in Shanghai: a UTC day and a China day differ here, which the daily buckets must respect.
    static readonly DateTime Now = new(2026, 3, 10, 18, 0, 0, DateTimeKind.Utc);

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task The_dashboard_counts_purchases_of_the_last_30_and_90_days(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var seed = database.NewContext()) await SampleShop.SeedAsync(seed, Now);

        var dashboard = await HandleAsync(database, new GetDashboard());

        Assert.Equal(3, dashboard.Customers);
        Assert.Equal(2, dashboard.ActiveCustomers);                   // Wang and Li; Zhao never bought
        Assert.Equal(3, dashboard.Orders);                            // the cancelled order does not count
        Assert.Equal(10000 + 5550 + 2000, dashboard.Sales);
        Assert.Equal((10000 + 5550 + 2000) / 3, dashboard.AverageOrderValue);
        Assert.Equal(["P-RICE", "P-MILK", "P-APPLE"], dashboard.TopProducts.Select(p => p.Sku));
        Assert.Equal(4000, dashboard.TopProducts[2].Revenue);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Daily_sales_fall_on_China_days_and_every_day_has_a_point(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var seed = database.NewContext()) await SampleShop.SeedAsync(seed, Now);

        var dashboard = await HandleAsync(database, new GetDashboard(ChartDays: 90));

        Assert.Equal(90, dashboard.Daily.Count);
        Assert.Equal(new DateOnly(2026, 3, 11), dashboard.Daily[^1].Day);   // 18:00 UTC is already tomorrow in Shanghai
        Assert.Equal(2000, dashboard.Daily[^1].Sales);
        Assert.Equal(10000, dashboard.Daily.Single(d => d.Day == new DateOnly(2026, 3, 9)).Sales);
        Assert.Equal(10000 + 5550 + 2000 + 8000, dashboard.Daily.Sum(d => d.Sales));
    }

    static async Task<DashboardSummary> HandleAsync(TestDatabase database, GetDashboard query)
    {
        var clock = new FixedClock(Now);
        await using var db = database.NewContext(clock);
        var handler = new GetDashboardHandler(db, clock, Options.Create(new PatronOptions()));
        return await handler.HandleAsync(query, TestContext.Current.CancellationToken);
    }
}
