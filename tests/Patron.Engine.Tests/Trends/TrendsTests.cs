using Patron.Engine.Trends;

namespace Patron.Engine.Tests.Trends;

public sealed class TrendsTests
{
    [Fact]
    public void Retention_counts_each_customer_once_per_month_since_their_first_purchase()
    {
        // Month 0: customers 0, 1, 2 start; 0 returns in months 1 (twice) and 2; 1 in month 2. Month 1: customer 3 starts, returns in 2.
        int[] customers = [0, 1, 2, 0, 0, 0, 1, 3, 3];
        int[] months = [0, 0, 0, 1, 1, 2, 2, 1, 2];

        var cohorts = CohortRetention.Compute(customers, months, customerCount: 5, lastMonth: 2);

        Assert.Equal(2, cohorts.Count);                            // customer 4 never bought
        Assert.Equal((0, 3), (cohorts[0].Month, cohorts[0].Customers));
        Assert.Equal([1.0, 1 / 3.0, 2 / 3.0], cohorts[0].Retention);
        Assert.Equal((1, 1), (cohorts[1].Month, cohorts[1].Customers));
        Assert.Equal([1.0, 1.0], cohorts[1].Retention);
    }

    [Fact]
    public void Purchases_after_the_last_month_are_left_out_and_out_of_order_input_is_fine()
    {
        var cohorts = CohortRetention.Compute([1, 0, 0, 1], [5, 4, 3, 3], customerCount: 2, lastMonth: 4);

        Assert.Equal([(3, 2)], cohorts.Select(c => (c.Month, c.Customers)));
        Assert.Equal([1.0, 0.5], cohorts[0].Retention);
    }

    [Fact]
    public void A_straight_line_is_forecast_along_its_slope_and_the_holdout_error_is_near_zero()
    {
        var series = Enumerable.Range(0, 40).Select(i => 100.0 + 5 * i).ToArray();

        var forecast = HoltForecast.Fit(series, horizon: 4, holdout: 8);

        // Damped: h steps ahead add about 5·(φ + … + φʰ) to the last value, 295 (the damped fit lags a hair behind a line).
        double expected = 295, phi = 1, sum = 0;
        for (var h = 0; h < 4; h++) { phi *= HoltForecast.Damping; sum += phi; Assert.Equal(expected + 5 * sum, forecast.Values[h], 0.05); }
        Assert.InRange(forecast.HoldoutWape!.Value, 0, 0.01);
        Assert.True(forecast.HoldoutWape < forecast.NaiveWape);
    }

    [Fact]
    public void A_flat_noisy_series_forecasts_near_its_level_and_never_below_zero()
    {
        var random = new Random(3);
        var series = Enumerable.Range(0, 60).Select(_ => 50 + random.NextDouble() * 10 - 5).ToArray();
        var falling = Enumerable.Range(0, 20).Select(i => Math.Max(0, 40.0 - 4 * i)).ToArray();

        var flat = HoltForecast.Fit(series, horizon: 6, holdout: 8);
        var down = HoltForecast.Fit(falling, horizon: 6, holdout: 0);

        Assert.All(flat.Values, v => Assert.InRange(v, 40, 60));
        Assert.All(down.Values, v => Assert.True(v >= 0));
        Assert.Null(down.HoldoutWape);
    }
}
