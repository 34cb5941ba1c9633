using Patron.Engine.Numerics;

namespace Patron.Engine.Clv;

/// <summary>Per-customer quantities of a fitted BG/NBD model (Fader, Hardie &amp; Lee 2005). Times are in the unit of the fit.</summary>
public static class BgNbdModel
{
    /// <summary>
    /// P(alive | x, t_x, T) = 1 / (1 + δ(x&gt;0) · a/(b+x−1) · ((α+T)/(α+t_x))^(r+x)) (Fader, Hardie &amp; Lee 2005, appendix;
    /// Fader &amp; Hardie, "Computing P(alive) using the BG/NBD model", 2008). It is 1 for x = 0: in the BG/NBD a customer
    /// can only drop out right after a purchase, so one who never repeated has had no chance to leave.
    /// </summary>
    public static double ProbabilityAlive(BgNbdParameters p, int x, double tx, double t)
    {
        if (x == 0) return 1;
        var logOdds = Math.Log(p.A) - Math.Log(p.B + x - 1) + (p.R + x) * (Math.Log(p.Alpha + t) - Math.Log(p.Alpha + tx));
        return 1 / (1 + Math.Exp(logOdds));
    }

    /// <summary>E[X(t)], the expected number of repeat purchases of a new customer in (0, t] (eq. 7):
    /// (a+b−1)/(a−1) · [1 − (α/(α+t))^r ₂F₁(r, b; a+b−1; t/(α+t))]. It is eq. 10 with x = t_x = T = 0.</summary>
    public static double ExpectedPurchases(BgNbdParameters p, double t) => ConditionalExpectedPurchases(p, t, 0, 0, 0);

    /// <summary>
    /// E[Y(t) | x, t_x, T], the expected number of purchases in (T, T+t] of a customer with that history (eq. 10):
    ///   (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x; a+b+x−1; t/(α+T+t))] · P(alive | x, t_x, T).
    /// At a = 1 both the fraction and the bracket vanish; a is moved 1e-7 away, which changes the result by O(1e-7).
    /// </summary>
    public static double ConditionalExpectedPurchases(BgNbdParameters p, double t, int x, double tx, double tCal)
    {
        if (t <= 0) return 0;
        var a = Math.Abs(p.A - 1) < 1e-7 ? 1 + 1e-7 : p.A;
        var rx = p.R + x;
        var scale = p.Alpha + tCal;
        var z = t / (scale + t);
        var hyp = Hypergeometric.Hyp2F1(rx, p.B + x, a + p.B + x - 1, z);
        var bracket = 1 - Math.Exp(rx * Math.Log(scale / (scale + t))) * hyp;
        return (a + p.B + x - 1) / (a - 1) * bracket * ProbabilityAlive(p, x, tx, tCal);
    }

    /// <summary>
    /// Median time from T to the next purchase, given the customer is alive. An alive customer buys as a Poisson
    /// process whose rate has the posterior Gamma(r+x, α+T), so the waiting time W has P(W &gt; w) = ((α+T)/(α+T+w))^(r+x)
    /// (a Lomax distribution) and the median is (α+T)(2^(1/(r+x)) − 1). The mean, (α+T)/(r+x−1), is infinite when
    /// r+x ≤ 1, as for most one-time buyers, so the median is the one definition that always exists. Weigh it with
    /// P(alive): a customer who has probably left will likely never buy again.
    /// </summary>
    public static double MedianTimeToNextPurchase(BgNbdParameters p, int x, double tCal) =>
        (p.Alpha + tCal) * (Math.Pow(2, 1 / (p.R + x)) - 1);
}
