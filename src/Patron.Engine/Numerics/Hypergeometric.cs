using System.Runtime.CompilerServices;

namespace Patron.Engine.Numerics;

/// <summary>The Gaussian hypergeometric function ₂F₁(a, b; c; z) for real −1 &lt; z &lt; 1, as the BG/NBD expectations need it.</summary>
public static class Hypergeometric
{
    const int MaxTerms = 2_000_000;

    /// <summary>
    /// ₂F₁(a, b; c; z) = Σₖ (a)ₖ(b)ₖ / ((c)ₖ k!) zᵏ (Abramowitz &amp; Stegun 15.1.1). For z &lt; −½ the Pfaff transformation
    /// ₂F₁(a, b; c; z) = (1 − z)^(−a) ₂F₁(a, c − b; c; z/(z − 1)) (A&amp;S 15.3.4) first moves the argument into (0, ½).
    /// Near z = 1 the series is slow but still converges (about 36/|ln z| terms); it throws rather than return a
    /// number it has not converged to.
    /// </summary>
    public static double Hyp2F1(double a, double b, double c, double z)
    {
        if (!(Math.Abs(z) < 1)) throw new ArgumentOutOfRangeException(nameof(z), z, "Hyp2F1 is implemented for |z| < 1.");
        if (c <= 0 && c == Math.Floor(c)) throw new ArgumentOutOfRangeException(nameof(c), c, "Hyp2F1 is undefined for c = 0, −1, −2, …");
        if (z < -0.5) return Math.Pow(1 - z, -a) * Series(a, c - b, c, z / (z - 1));
        return Series(a, b, c, z);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static double Series(double a, double b, double c, double z)
    {
        double sum = 1, term = 1;
        // Past the parameters' size the term ratio moves monotonically towards z, so from there the tail is bounded by
        // a geometric series in max(|ratio|, |z|): stop when that bound is below the last bit of the sum.
        var settled = Math.Max(Math.Abs(a), Math.Max(Math.Abs(b), Math.Abs(c)));
        for (var k = 0; k < MaxTerms; k++)
        {
            var ratio = (a + k) * (b + k) / ((c + k) * (k + 1)) * z;
            term *= ratio;
            sum += term;
            if (term == 0) return sum;
            var rho = Math.Max(Math.Abs(ratio), Math.Abs(z));
            if (k >= settled && rho < 1 && Math.Abs(term) * rho / (1 - rho) <= 1e-16 * Math.Abs(sum)) return sum;
            if (!double.IsFinite(sum)) break;
        }
        throw new ArithmeticException($"Hyp2F1({a}, {b}; {c}; {z}): the series did not converge.");
    }
}
