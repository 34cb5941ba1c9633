namespace Patron.Engine.Clv;

/// <summary>Predictions of a fitted Gamma-Gamma model.</summary>
public static class GammaGammaModel
{
    /// <summary>
    /// E[Z | p, q, γ, x, z̄] = p(γ + x z̄)/(px + q − 1) (Fader, Hardie &amp; Lee 2005, JMR, eq. 5; Fader &amp; Hardie 2013, eq. 6):
    /// a weighted mean of the population mean pγ/(q−1) and the customer's own z̄, the weight on z̄ growing with x.
    /// With x = 0 it is the population mean. NaN when q ≤ 1 and x = 0 (the population mean does not exist).
    /// </summary>
    public static double ConditionalExpectedValue(GammaGammaParameters p, int x, double meanValue)
    {
        var denominator = p.P * x + p.Q - 1;
        return denominator > 0 ? p.P * (p.Gamma + x * (x > 0 ? meanValue : 0)) / denominator : double.NaN;
    }

    /// <summary>pγ/(q−1), the mean transaction value across customers; NaN when q ≤ 1.</summary>
    public static double PopulationMeanValue(GammaGammaParameters p) => ConditionalExpectedValue(p, 0, 0);
}
