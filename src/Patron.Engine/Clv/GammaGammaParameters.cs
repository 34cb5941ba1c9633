namespace Patron.Engine.Clv;

/// <summary>
/// Gamma-Gamma spend parameters (Fader, Hardie &amp; Lee 2005, "RFM and CLV", JMR 42(4); Fader &amp; Hardie 2013, "The
/// Gamma-Gamma Model of Monetary Value"): a transaction's value is Gamma(p, ν), and ν ~ Gamma(q, γ) across customers.
/// The mean transaction value in the population is pγ/(q−1), finite only when q &gt; 1.
/// </summary>
public sealed record GammaGammaParameters(double P, double Q, double Gamma)
{
    internal double[] ToLog() => [Math.Log(P), Math.Log(Q), Math.Log(Gamma)];

    internal static GammaGammaParameters FromLog(double[] theta) => new(Math.Exp(theta[0]), Math.Exp(theta[1]), Math.Exp(theta[2]));
}

/// <summary>A Gamma-Gamma fit on the customers with x &gt; 0, with the Pearson correlation between frequency x and
/// mean value z̄ over them: the model assumes the two are independent, so a large |r| means its predictions are biased.</summary>
public sealed record GammaGammaFit(
    GammaGammaParameters Parameters, double LogLikelihood, long Customers,
    GammaGammaParameters? StandardErrors, int Evaluations, bool Converged, double FrequencyValueCorrelation)
{
    /// <summary>The threshold above which the independence assumption is flagged; a rule of thumb, not a test.</summary>
    public const double CorrelationWarning = 0.3;

    public bool CorrelationIsLarge => Math.Abs(FrequencyValueCorrelation) > CorrelationWarning;
}
