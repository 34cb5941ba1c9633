using System.Runtime.CompilerServices;
using static Patron.Engine.Numerics.SpecialFunctions;

namespace Patron.Engine.Clv;

/// <summary>
/// The Gamma-Gamma log-likelihood (Fader &amp; Hardie 2013, eq. 3): the mean z̄ of x transaction values is
/// Gamma(px, νx) given ν, so integrating ν ~ Gamma(q, γ) out,
///   ln f(z̄ | x) = ln Γ(px+q) − ln Γ(px) − ln Γ(q) + q ln γ + px ln x + (px−1) ln z̄ − (px+q) ln(γ + x z̄),
/// with derivatives
///   ∂/∂p = x [ψ(px+q) − ψ(px) + ln x + ln z̄ − ln(γ + x z̄)],   ∂/∂q = ψ(px+q) − ψ(q) + ln γ − ln(γ + x z̄),
///   ∂/∂γ = q/γ − (px+q)/(γ + x z̄).
/// The Γ and ψ terms are computed once per distinct x; only ln(γ + x z̄) is left per customer.
/// </summary>
public sealed class GammaGammaData
{
    internal int[] X { get; }
    internal double[] MeanValue { get; }
    internal int[] XValues { get; }
    internal double[] CountByX { get; }
    internal double[] SumLogValueByX { get; }

    public long Customers => X.Length;

    /// <summary>x ≥ 1 repeat transactions with mean value z̄ &gt; 0 per customer (select them before: x = 0 has no z̄).</summary>
    public GammaGammaData(ReadOnlySpan<int> x, ReadOnlySpan<double> meanValue)
    {
        if (x.Length != meanValue.Length) throw new ArgumentException("x and z̄ must have the same length.");
        var byX = new SortedDictionary<int, (double Count, double SumLog)>();
        for (var i = 0; i < x.Length; i++)
        {
            if (x[i] < 1 || !(meanValue[i] > 0) || !double.IsFinite(meanValue[i]))
                throw new ArgumentException($"Customer {i}: the Gamma-Gamma model needs x ≥ 1 and z̄ > 0, got x = {x[i]}, z̄ = {meanValue[i]}.");
            var (n, s) = byX.GetValueOrDefault(x[i]);
            byX[x[i]] = (n + 1, s + Math.Log(meanValue[i]));
        }
        (X, MeanValue) = (x.ToArray(), meanValue.ToArray());
        XValues = [.. byX.Keys];
        CountByX = [.. byX.Values.Select(v => v.Count)];
        SumLogValueByX = [.. byX.Values.Select(v => v.SumLog)];
    }

    /// <summary>Σ ln f(z̄ᵢ | xᵢ); writes ∂/∂(p, q, γ) into <paramref name="gradient"/> when given.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double LogLikelihood(GammaGammaParameters parameters, double[]? gradient = null)
    {
        var (p, q, g) = (parameters.P, parameters.Q, parameters.Gamma);
        double ll = 0, dp = 0, dq = 0, dg = 0;
        var logG = Math.Log(g);
        for (var k = 0; k < XValues.Length; k++)
        {
            var (x, n, sumLog) = (XValues[k], CountByX[k], SumLogValueByX[k]);
            var px = p * x;
            ll += n * (LogGamma(px + q) - LogGamma(px) - LogGamma(q) + q * logG + px * Math.Log(x)) + (px - 1) * sumLog;
            if (gradient is null) continue;
            var psiSum = Digamma(px + q);
            dp += n * x * (psiSum - Digamma(px) + Math.Log(x)) + x * sumLog;
            dq += n * (psiSum - Digamma(q) + logG);
            dg += n * q / g;
        }
        for (var i = 0; i < X.Length; i++)
        {
            var scale = g + X[i] * MeanValue[i];
            var logScale = Math.Log(scale);
            ll -= (p * X[i] + q) * logScale;
            dp -= X[i] * logScale;
            dq -= logScale;
            dg -= (p * X[i] + q) / scale;
        }
        if (gradient is not null) (gradient[0], gradient[1], gradient[2]) = (dp, dq, dg);
        return ll;
    }
}
