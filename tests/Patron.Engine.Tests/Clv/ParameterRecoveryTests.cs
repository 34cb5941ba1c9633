using Patron.Engine.Clv;

namespace Patron.Engine.Tests.Clv;

/// <summary>
/// Fits on data simulated from known parameters (fixed seeds). The tolerance for each parameter is four of the fit's
/// own asymptotic standard errors (inverse observed information): a correct maximum-likelihood fit lands within it with
/// probability 0.99994 per parameter, while a biased likelihood or a stalled optimiser does not. The standard errors are
/// also bounded, so that the check cannot pass by being vague.
/// </summary>
public sealed class ParameterRecoveryTests
{
    [Fact]
    public void The_BG_NBD_fit_recovers_the_parameters_of_20000_simulated_customers()
    {
        // A cohort that joined over 12 weeks and is observed until week 78, like CDNOW's.
        var truth = new BgNbdParameters(0.25, 4, 0.8, 2.5);
        var (x, tx, t) = Simulation.BgNbd(truth, 20_000, 66, 78, seed: 20250101);
        var fit = BgNbdFitter.Fit(BgNbdData.Group(x, tx, t));
        Assert.True(fit.Converged);
        var (p, se) = (fit.Parameters, fit.StandardErrors!);
        Assert.Equal(truth.R, p.R, 4 * se.R);
        Assert.Equal(truth.Alpha, p.Alpha, 4 * se.Alpha);
        Assert.Equal(truth.A, p.A, 4 * se.A);
        Assert.Equal(truth.B, p.B, 4 * se.B);
        Assert.True(se.R < 0.05 * truth.R && se.Alpha < 0.1 * truth.Alpha && se.A < 0.15 * truth.A && se.B < 0.2 * truth.B, se.ToString());
        // Jointly: the likelihood-ratio statistic 2(ℓ(θ̂) − ℓ(θ)) is χ² with 4 degrees of freedom; 18.47 is its 99.9% point.
        var atTruth = BgNbdLikelihood.LogLikelihood(truth, BgNbdData.Group(x, tx, t));
        Assert.InRange(2 * (fit.LogLikelihood - atTruth), 0, 18.47);
    }

    [Fact]
    public void The_Gamma_Gamma_fit_recovers_the_parameters_of_20000_simulated_customers()
    {
        var truth = new GammaGammaParameters(6, 4, 15);
        var random = new Random(42);
        var x = Enumerable.Range(0, 20_000).Select(_ => 1 + (int)(-Math.Log(1 - random.NextDouble()) * 3)).ToArray();
        var z = Simulation.GammaGamma(truth, x, seed: 43);
        var fit = GammaGammaFitter.Fit(new GammaGammaData(x, z));
        Assert.True(fit.Converged);
        var (p, se) = (fit.Parameters, fit.StandardErrors!);
        Assert.Equal(truth.P, p.P, 4 * se.P);
        Assert.Equal(truth.Q, p.Q, 4 * se.Q);
        Assert.Equal(truth.Gamma, p.Gamma, 4 * se.Gamma);
        Assert.True(se.P < 0.1 * truth.P && se.Q < 0.1 * truth.Q && se.Gamma < 0.1 * truth.Gamma, se.ToString());
        // Frequency and value are independent by construction.
        Assert.False(fit.CorrelationIsLarge);
    }
}
