namespace Patron.Engine.Numerics;

/// <summary>Log-gamma, digamma and log-beta for positive arguments, from Math alone (no package does it for .NET).</summary>
public static class SpecialFunctions
{
    // Lanczos approximation with g = 7, n = 9 (the coefficients of Numerical Recipes 3rd ed. §6.1 / Godfrey):
    // relative error below 1e-15 for x > 0, enough for likelihoods summed over a million customers.
    const double LanczosG = 7;
    static readonly double[] Lanczos =
    [
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
        12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
    ];
    static readonly double HalfLogTwoPi = 0.5 * Math.Log(2 * Math.PI);

    /// <summary>ln Γ(x) for x &gt; 0.</summary>
    public static double LogGamma(double x)
    {
        if (!(x > 0)) throw new ArgumentOutOfRangeException(nameof(x), x, "LogGamma needs x > 0.");
        // Γ(x) = Γ(x + 1) / x keeps the Lanczos sum away from its poles for small x.
        if (x < 0.5) return LogGamma(x + 1) - Math.Log(x);
        x -= 1;
        var sum = Lanczos[0];
        for (var i = 1; i < Lanczos.Length; i++) sum += Lanczos[i] / (x + i);
        var t = x + LanczosG + 0.5;
        return HalfLogTwoPi + (x + 0.5) * Math.Log(t) - t + Math.Log(sum);
    }

    /// <summary>ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b).</summary>
    public static double LogBeta(double a, double b) => LogGamma(a) + LogGamma(b) - LogGamma(a + b);

    /// <summary>ψ(x) = d ln Γ(x) / dx for x &gt; 0: the recurrence ψ(x) = ψ(x + 1) − 1/x up to x ≥ 12, then the
    /// asymptotic series (Abramowitz &amp; Stegun 6.3.18) to the x⁻¹² term; the first term left out is below 1e-16 there.</summary>
    public static double Digamma(double x)
    {
        if (!(x > 0)) throw new ArgumentOutOfRangeException(nameof(x), x, "Digamma needs x > 0.");
        var shift = 0.0;
        while (x < 12) { shift -= 1 / x; x += 1; }
        var inv2 = 1 / (x * x);
        var series = inv2 * (1.0 / 12 - inv2 * (1.0 / 120 - inv2 * (1.0 / 252 - inv2 * (1.0 / 240 - inv2 * (1.0 / 132 - inv2 * (691.0 / 32760))))));
        return shift + Math.Log(x) - 0.5 / x - series;
    }
}
