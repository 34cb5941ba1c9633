using Patron.Analytics.Predictions;
using Patron.Platform;
using Patron.Segmentation;
using Patron.Tests.Fixtures;
using Patron.Tests.Infrastructure;
using static Patron.Tests.Segmentation.SegmentationWorld;

namespace Patron.Tests.Segmentation;

public sealed class PredictionRuleTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Stored_predictions_reach_segment_rules_at_the_next_refresh(DatabaseProvider provider)
    {
        await using var world = await CreateAsync(provider, Ct);
        var run = new PredictionRun { Id = Ids.New(), ComputedAt = Now, CalibrationEnd = new DateOnly(2026, 3, 31), Customers = 2, HorizonMonths = 12 };
        world.Db.Add(run);
        world.Db.AddRange(
            new CustomerForecast { CustomerId = world.Wang, RunId = run.Id, ProbabilityAlive = 0.9, ExpectedPurchases90 = 4, LifetimeValue = 50_000 },
            new CustomerForecast { CustomerId = world.Li, RunId = run.Id, ProbabilityAlive = 0.2, ExpectedPurchases90 = 0.3, LifetimeValue = 80_000 });
        await world.Db.SaveChangesAsync(Ct);
        var atRisk = new PreviewSegment(Rule("""{"all": [{"field": "p_alive", "op": "lt", "value": 0.3}, {"field": "clv_percentile", "op": "gt", "value": 80}]}"""));

        var before = (await world.Preview().HandleAsync(atRisk, Ct)).Ok();
        await world.Engine.RebaseAsync(Ct);
        var after = (await world.Preview().HandleAsync(atRisk, Ct)).Ok();

        Assert.Equal(0, before.Count);   // loaded before the run existed
        Assert.Equal([world.Li], after.Sample.Select(m => m.CustomerId));   // 20% alive, the higher of two CLVs (percentile 100)
    }
}
