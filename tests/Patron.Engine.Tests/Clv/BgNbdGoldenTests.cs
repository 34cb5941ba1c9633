using Patron.Engine.Clv;

namespace Patron.Engine.Tests.Clv;

/// <summary>Fader, Hardie &amp; Lee (2005) fit the BG/NBD to the 2,357 CDNOW customers (39-week calibration) and report
/// r = 0.243, α = 4.414, a = 0.793, b = 2.426 and LL = −9582.4 (section 4).</summary>
public sealed class BgNbdGoldenTests
{
    public static readonly BgNbdParameters Paper = new(0.243, 4.414, 0.793, 2.426);

    /// <summary>lifetimes' BetaGeoFitter summary on the same file, to six digits, with its standard errors.</summary>
    static readonly BgNbdParameters Lifetimes = new(0.242593, 4.413532, 0.792886, 2.425752);
    static readonly BgNbdParameters LifetimesStandardErrors = new(0.012557, 0.378221, 0.185719, 0.705345);

    static BgNbdFit FitCdnow()
    {
        var s = CdnowData.Summaries();
        return BgNbdFitter.Fit(BgNbdData.Group([.. s.Select(c => c.X)], [.. s.Select(c => c.Tx)], [.. s.Select(c => c.T)]));
    }

    [Fact]
    public void Fitting_the_CDNOW_summaries_reproduces_the_published_parameters_and_log_likelihood()
    {
        var fit = FitCdnow();
        Assert.True(fit.Converged);
        Assert.Equal(2357, fit.Customers);
        AssertPaper(fit.Parameters);
        Assert.Equal(-9582.4, fit.LogLikelihood, 0.1);
    }

    [Fact]
    public void The_CDNOW_fit_agrees_with_lifetimes_to_six_digits_standard_errors_included()
    {
        var fit = FitCdnow();
        AssertRelative(Lifetimes, fit.Parameters, 2e-6);
        // The standard errors come from a finite-difference Hessian, lifetimes' from autograd: agree to 1e-4.
        AssertRelative(LifetimesStandardErrors, fit.StandardErrors!, 1e-4);
    }

    [Fact]
    public void The_conditional_expectation_matches_Hardies_spreadsheet()
    {
        // Fader & Hardie's BG/NBD Excel sheet: customer with x = 2, t_x = 30.43, T = 38.86 buys 1.226 times in 39 weeks.
        var p = FitCdnow().Parameters;
        Assert.Equal(1.226, BgNbdModel.ConditionalExpectedPurchases(p, 39, 2, 30.43, 38.86), 0.001);
    }

    /// <summary>The paper prints three decimals, so the fit must round to them: |difference| ≤ 0.0005 plus a hair.
    /// (A flat 1e-3 relative bound would fail on r through rounding alone: 0.2426 vs 0.243 is 1.7e-3.)</summary>
    internal static void AssertPaper(BgNbdParameters p)
    {
        Assert.Equal(Paper.R, p.R, 0.0006);
        Assert.Equal(Paper.Alpha, p.Alpha, 0.0006);
        Assert.Equal(Paper.A, p.A, 0.0006);
        Assert.Equal(Paper.B, p.B, 0.0006);
    }

    static void AssertRelative(BgNbdParameters expected, BgNbdParameters actual, double tolerance)
    {
        Assert.Equal(expected.R, actual.R, expected.R * tolerance);
        Assert.Equal(expected.Alpha, actual.Alpha, expected.Alpha * tolerance);
        Assert.Equal(expected.A, actual.A, expected.A * tolerance);
        Assert.Equal(expected.B, actual.B, expected.B * tolerance);
    }
}
