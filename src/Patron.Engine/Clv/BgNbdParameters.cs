namespace Patron.Engine.Clv;

/// <summary>
/// BG/NBD parameters (Fader, Hardie &amp; Lee 2005): while alive a customer buys as a Poisson process with rate
/// λ ~ Gamma(r, α) (shape r, rate α, so α is in the time unit of the data); after each purchase they drop out with
/// probability p ~ Beta(a, b).
/// </summary>
public sealed record BgNbdParameters(double R, double Alpha, double A, double B)
{
    internal double[] ToLog() => [Math.Log(R), Math.Log(Alpha), Math.Log(A), Math.Log(B)];

    internal static BgNbdParameters FromLog(double[] theta) =>
        new(Math.Exp(theta[0]), Math.Exp(theta[1]), Math.Exp(theta[2]), Math.Exp(theta[3]));
}

/// <summary>
/// A maximum-likelihood fit. StandardErrors come from the inverse of the observed information (the numerical
/// Hessian of the log-likelihood at the optimum) by the delta method; null when that matrix is singular.
/// Converged is false when the optimiser stopped without meeting its gradient test: treat the numbers with suspicion.
/// </summary>
public sealed record BgNbdFit(
    BgNbdParameters Parameters, double LogLikelihood, long Customers, int Groups,
    BgNbdParameters? StandardErrors, int Evaluations, bool Converged);
