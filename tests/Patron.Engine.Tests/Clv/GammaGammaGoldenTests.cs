using Patron.Engine.Clv;

namespace Patron.Engine.Tests.Clv;

/// <summary>The Gamma-Gamma fit on the 946 CDNOW customers with repeat purchases. lifetimes' README prints
/// p: 6.25, q: 3.74, v: 15.45; its test compares with 6.25, 3.74, 15.44 at decimal=2, i.e. ±0.015.</summary>
public sealed class GammaGammaGoldenTests
{
    static (GammaGammaFit Fit, IReadOnlyList<CdnowData.Summary> Rows) FitCdnow()
    {
        var rows = CdnowData.SummariesWithValues().Where(c => c.X > 0).ToList();
        return (GammaGammaFitter.Fit(new GammaGammaData([.. rows.Select(c => c.X)], [.. rows.Select(c => c.MeanValue)])), rows);
    }

    [Fact]
    public void Fitting_the_CDNOW_repeat_customers_reproduces_the_documented_parameters()
    {
        var (fit, rows) = FitCdnow();
        Assert.True(fit.Converged);
        Assert.Equal(946, rows.Count);
        // Two printed decimals: within half a unit of the last digit, plus a hair.
        Assert.Equal(6.25, fit.Parameters.P, 0.006);
        Assert.Equal(3.74, fit.Parameters.Q, 0.006);
        Assert.Equal(15.45, fit.Parameters.Gamma, 0.006);
    }

    [Fact]
    public void The_expected_average_value_of_customer_1_matches_lifetimes()
    {
        // lifetimes' README: conditional_expected_average_profit for customer 1 (x = 2, z̄ = 22.35) is 24.658619.
        var (fit, rows) = FitCdnow();
        var first = rows.Single(r => r.Id == 1);
        Assert.Equal(24.658619, GammaGammaModel.ConditionalExpectedValue(fit.Parameters, first.X, first.MeanValue), 1e-4);
    }

    [Fact]
    public void On_CDNOW_frequency_and_value_are_weakly_correlated_so_no_warning()
    {
        // lifetimes' documentation shows the Pearson correlation of frequency and monetary value as 0.113884.
        var (fit, _) = FitCdnow();
        Assert.Equal(0.113884, fit.FrequencyValueCorrelation, 1e-6);
        Assert.False(fit.CorrelationIsLarge);
    }
}
