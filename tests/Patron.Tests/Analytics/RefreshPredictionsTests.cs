using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Patron.Analytics.Contracts;
using Patron.Analytics.Predictions;
using Patron.Commerce.Contracts;
using Patron.DemoData;
using Patron.Engine.Clv;
using Patron.Platform;
using Patron.Tests.Infrastructure;

namespace Patron.Tests.Analytics;

public sealed class RefreshPredictionsTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static readonly DemoDataOptions Shop = new() { Customers = 300, Months = 12, Seed = 11, AsOf = new DateOnly(2026, 3, 1) };

    // Noon in Shanghai on the day the demo history ends.
    static readonly DateTime Now = new(2026, 3, 1, 4, 0, 0, DateTimeKind.Utc);

    static RefreshPredictionsHandler Handler(PatronDb db, PredictionOptions? options = null)
    {
        var clock = new FixedClock(Now);
        return new RefreshPredictionsHandler(db, new SalesHistory(db), clock, Options.Create(new PatronOptions()),
            Options.Create(options ?? new PredictionOptions()));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Every_buying_customer_gets_the_models_prediction_from_their_own_local_purchase_days(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var seed = database.NewContext()) await DemoDataWriter.WriteAsync(seed, Shop, null, Ct);
        await using var db = database.NewContext();

        var refresh = await Handler(db).HandleAsync(Ct);

        var run = Assert.IsType<PredictionRun>(refresh.Run);
        // An independent reading of the history: local (UTC+8) purchase days per customer, straight from the orders.
        var purchases = await db.Orders.AsNoTracking()
            .Where(o => o.CustomerId != null && (o.Status == OrderStatus.Completed || o.Status == OrderStatus.PartlyRefunded))
            .Select(o => new { Customer = o.CustomerId!.Value, o.PlacedAt }).ToListAsync(Ct);
        var days = purchases.GroupBy(p => p.Customer)
            .ToDictionary(g => g.Key, g => g.Select(p => DateOnly.FromDateTime(p.PlacedAt.AddHours(8)).DayNumber).Distinct().Order().ToList());
        var forecasts = await db.Set<CustomerForecast>().AsNoTracking().ToListAsync(Ct);
        Assert.Equal(days.Keys.Order(), forecasts.Select(f => f.CustomerId).Order());
        Assert.Equal(days.Count, run.Customers);

        var parameters = new BgNbdParameters(run.R, run.Alpha, run.A, run.B);
        var end = new DateOnly(2026, 3, 1).DayNumber;
        foreach (var f in forecasts)
        {
            var d = days[f.CustomerId];
            var (x, tx, t) = (d.Count - 1, d[^1] - d[0], end - d[0]);
            Assert.Equal(x, f.RepeatPurchases);
            Assert.Equal(BgNbdModel.ProbabilityAlive(parameters, x, tx, t), f.ProbabilityAlive, 9);
            Assert.Equal(BgNbdModel.ConditionalExpectedPurchases(parameters, 90, x, tx, t), f.ExpectedPurchases90, 9);
            Assert.InRange(f.ProbabilityAlive, 0, 1);
        }
        Assert.NotNull(run.SpendP);
        Assert.Contains(forecasts, f => f.LifetimeValue > 0);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_second_refresh_replaces_the_predictions_and_keeps_both_runs(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var seed = database.NewContext()) await DemoDataWriter.WriteAsync(seed, Shop with { Customers = 120 }, null, Ct);
        await using var db = database.NewContext();

        var first = (await Handler(db).HandleAsync(Ct)).Run!;
        var second = (await Handler(db).HandleAsync(Ct)).Run!;

        Assert.Equal(2, await db.Set<PredictionRun>().CountAsync(Ct));
        var runs = await db.Set<CustomerForecast>().Select(f => f.RunId).ToListAsync(Ct);
        Assert.Equal(first.Customers, runs.Count);
        Assert.All(runs, r => Assert.Equal(second.Id, r));

        var someone = await db.Set<CustomerForecast>().Select(f => f.CustomerId).FirstAsync(Ct);
        var outlook = await new CustomerOutlook(db).GetAsync(someone, Ct);
        Assert.NotNull(outlook);
        Assert.Equal(second.ComputedAt, outlook.ComputedAt);
        Assert.Equal(12, outlook.HorizonMonths);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Too_little_history_stores_nothing_and_says_why(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var seed = database.NewContext()) await DemoDataWriter.WriteAsync(seed, Shop with { Customers = 30 }, null, Ct);
        await using var db = database.NewContext();

        var refresh = await Handler(db, new PredictionOptions { MinimumCustomers = 1000 }).HandleAsync(Ct);

        Assert.Null(refresh.Run);
        Assert.Contains("at least 1000", refresh.Skipped);
        Assert.Equal(0, await db.Set<CustomerForecast>().CountAsync(Ct));
        Assert.Equal(0, await db.Set<PredictionRun>().CountAsync(Ct));
    }
}
