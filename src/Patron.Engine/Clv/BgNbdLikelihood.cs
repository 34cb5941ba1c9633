using System.Runtime.CompilerServices;
using static Patron.Engine.Numerics.SpecialFunctions;

namespace Patron.Engine.Clv;

/// <summary>
/// The BG/NBD log-likelihood, Fader, Hardie &amp; Lee (2005) eq. 6, and its gradient. For one customer
///   L = B(a, b+x)/B(a, b) · Γ(r+x) αʳ / (Γ(r) (α+T)^(r+x))
///     + δ(x&gt;0) · B(a+1, b+x−1)/B(a, b) · Γ(r+x) αʳ / (Γ(r) (α+t_x)^(r+x)),
/// written as ln L = A₁ + A₂ + ln(e^A₃ + δ e^A₄) with
///   A₁ = ln Γ(r+x) − ln Γ(r) + r ln α,   A₂ = ln Γ(a+b) + ln Γ(b+x) − ln Γ(b) − ln Γ(a+b+x),
///   A₃ = −(r+x) ln(α+T),                A₄ = ln a − ln(b+x−1) − (r+x) ln(α+t_x),
/// (B(a+1, b+x−1)/B(a, b+x) = a/(b+x−1)), and the log-sum-exp taken without overflow. With w₄ = e^A₄/(e^A₃ + e^A₄)
/// the derivatives are
///   ∂/∂r = ψ(r+x) − ψ(r) + ln α − w₃ ln(α+T) − w₄ ln(α+t_x),   ∂/∂α = r/α − (r+x)(w₃/(α+T) + w₄/(α+t_x)),
///   ∂/∂a = ψ(a+b) − ψ(a+b+x) + w₄/a,                          ∂/∂b = ψ(a+b) + ψ(b+x) − ψ(b) − ψ(a+b+x) − w₄/(b+x−1).
/// </summary>
public static class BgNbdLikelihood
{
    /// <summary>Σ count · ln L over the groups; writes ∂/∂(r, α, a, b) into <paramref name="gradient"/> when given.
    /// Fully optimised at once: a fit calls it about a hundred times, too few for tiered compilation to get there first.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double LogLikelihood(BgNbdParameters p, BgNbdData data, double[]? gradient = null)
    {
        var (r, alpha, a, b) = (p.R, p.Alpha, p.A, p.B);
        var kx = data.XValues.Length;
        var constant = new double[kx];
        var logA4 = new double[kx];
        var invB = new double[kx];
        double ll = 0, dr = 0, dAlpha = 0, da = 0, db = 0;
        // The Γ and ψ terms depend on x alone: once per distinct x, weighted by its number of customers.
        for (var k = 0; k < kx; k++)
        {
            var x = data.XValues[k];
            var n = data.CountByX[k];
            constant[k] = LogGamma(r + x) - LogGamma(r) + r * Math.Log(alpha)
                + LogGamma(a + b) + LogGamma(b + x) - LogGamma(b) - LogGamma(a + b + x);
            logA4[k] = x > 0 ? Math.Log(a) - Math.Log(b + x - 1) : 0;
            invB[k] = x > 0 ? 1 / (b + x - 1) : 0;
            ll += n * constant[k];
            if (gradient is null) continue;
            dr += n * (Digamma(r + x) - Digamma(r) + Math.Log(alpha));
            dAlpha += n * r / alpha;
            da += n * (Digamma(a + b) - Digamma(a + b + x));
            db += n * (Digamma(a + b) + Digamma(b + x) - Digamma(b) - Digamma(a + b + x));
        }
        var (logT, invT) = Logs(data.TValues, alpha);
        var (logTx, invTx) = Logs(data.TxValues, alpha);
        for (var i = 0; i < data.Groups; i++)
        {
            var k = data.GroupX[i];
            var n = data.GroupCount[i];
            var rx = r + data.XValues[k];
            var (lT, iT) = (logT[data.GroupT[i]], invT[data.GroupT[i]]);
            var a3 = -rx * lT;
            if (data.XValues[k] == 0)
            {
                ll += n * a3;
                dr -= n * lT;
                dAlpha -= n * rx * iT;
                continue;
            }
            var (lTx, iTx) = (logTx[data.GroupTx[i]], invTx[data.GroupTx[i]]);
            var a4 = logA4[k] - rx * lTx;
            double logSum, w4;
            if (a4 > a3) { var e = Math.Exp(a3 - a4); logSum = a4 + Math.Log(1 + e); w4 = 1 / (1 + e); }
            else { var e = Math.Exp(a4 - a3); logSum = a3 + Math.Log(1 + e); w4 = e / (1 + e); }
            ll += n * logSum;
            var w3 = 1 - w4;
            dr -= n * (w3 * lT + w4 * lTx);
            dAlpha -= n * rx * (w3 * iT + w4 * iTx);
            da += n * w4 / a;
            db -= n * w4 * invB[k];
        }
        if (gradient is not null) (gradient[0], gradient[1], gradient[2], gradient[3]) = (dr, dAlpha, da, db);
        return ll;
    }

    static (double[] Log, double[] Inverse) Logs(double[] times, double alpha)
    {
        var log = new double[times.Length];
        var inverse = new double[times.Length];
        for (var j = 0; j < times.Length; j++) { log[j] = Math.Log(alpha + times[j]); inverse[j] = 1 / (alpha + times[j]); }
        return (log, inverse);
    }
}
