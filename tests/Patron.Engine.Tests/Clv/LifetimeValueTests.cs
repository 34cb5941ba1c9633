using Patron.Engine.Clv;

namespace Patron.Engine.Tests.Clv;

public sealed class LifetimeValueTests
{
    [Fact]
    public void CLV_matches_the_values_lifetimes_documents_for_CDNOW()
    {
        // lifetimes' Quickstart: customer_lifetime_value(bgf, …, time=12, discount_rate=0.01) on the CDNOW summaries.
        // Its default freq="D" steps 30 periods per month, and the periods of this file are weeks, so f = 30 here.
        var rows = CdnowData.SummariesWithValues();
        var bg = BgNbdFitter.Fit(BgNbdData.Group([.. rows.Select(c => c.X)], [.. rows.Select(c => c.Tx)], [.. rows.Select(c => c.T)])).Parameters;
        var repeat = rows.Where(c => c.X > 0).ToList();
        var gg = GammaGammaFitter.Fit(new GammaGammaData([.. repeat.Select(c => c.X)], [.. repeat.Select(c => c.MeanValue)])).Parameters;
        var settings = new ClvSettings(12, 0.01, 1);
        foreach (var (id, expected) in new[] { (1, 140.096211), (2, 18.943467), (3, 38.180574), (6, 1003.868107) })
        {
            var c = rows.Single(r => r.Id == id);
            var (discounted, _) = LifetimeValue.ExpectedPurchases(bg, c.X, c.Tx, c.T, 30, settings);
            var clv = LifetimeValue.Clv(discounted, GammaGammaModel.ConditionalExpectedValue(gg, c.X, c.MeanValue), settings);
            Assert.Equal(expected, clv, expected * 1e-5);
        }
    }

    [Fact]
    public void Without_discounting_CLV_is_margin_times_value_times_expected_purchases()
    {
        var p = BgNbdGoldenTests.Paper;
        var settings = new ClvSettings(24, 0, 0.3);
        var (discounted, total) = LifetimeValue.ExpectedPurchases(p, 3, 20, 38.86, LifetimeValue.PeriodsPerMonth(ClvTimeUnit.Week), settings);
        Assert.Equal(BgNbdModel.ConditionalExpectedPurchases(p, 24 * 365.25 / 12 / 7, 3, 20, 38.86), total, 1e-12);
        Assert.Equal(total, discounted, 1e-12);
        Assert.Equal(0.3 * 40 * total, LifetimeValue.Clv(discounted, 40, settings), 1e-12);
    }

    [Fact]
    public void One_month_is_discounted_once_and_a_month_is_the_same_span_in_days_or_weeks()
    {
        var weekly = BgNbdGoldenTests.Paper;
        var daily = weekly with { Alpha = weekly.Alpha * 7 };   // the same model with time in days
        var settings = new ClvSettings(1, 0.05, 1);
        var (inWeeks, total) = LifetimeValue.ExpectedPurchases(weekly, 2, 30, 38, LifetimeValue.PeriodsPerMonth(ClvTimeUnit.Week), settings);
        Assert.Equal(total / 1.05, inWeeks, 1e-12);
        var (inDays, _) = LifetimeValue.ExpectedPurchases(daily, 2, 30 * 7, 38 * 7, LifetimeValue.PeriodsPerMonth(ClvTimeUnit.Day), settings);
        Assert.Equal(inWeeks, inDays, 1e-12);
    }

    [Fact]
    public void The_expected_value_shrinks_a_customers_mean_towards_the_population_mean()
    {
        var p = new GammaGammaParameters(6, 4, 15);
        // p(γ + x z̄)/(px + q − 1) = 6 (15 + 40)/(12 + 3) = 22.
        Assert.Equal(22, GammaGammaModel.ConditionalExpectedValue(p, 2, 20), 1e-12);
        Assert.Equal(30, GammaGammaModel.PopulationMeanValue(p), 1e-12);
        Assert.True(double.IsNaN(GammaGammaModel.PopulationMeanValue(new(6, 0.8, 15))));
    }
}
