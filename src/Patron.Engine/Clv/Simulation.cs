using Patron.Engine.Numerics;

namespace Patron.Engine.Clv;

/// <summary>Data drawn from the models' own assumptions, for parameter-recovery tests and fit benchmarks.</summary>
public static class Simulation
{
    /// <summary>
    /// BG/NBD customers (Fader, Hardie &amp; Lee 2005, assumptions i–v): λ ~ Gamma(r, α) and p ~ Beta(a, b) per customer;
    /// after the first purchase at time 0, purchases follow a Poisson process with rate λ, and after each repeat
    /// purchase the customer drops out for good with probability p. Each is observed for T ~ Uniform(minT, maxT).
    /// With <paramref name="resolution"/> &gt; 0, t_x and T are rounded down to multiples of it, as dates are recorded
    /// in days; purchases that fall on the same recorded day are not merged, so use it for timing, not for recovery.
    /// </summary>
    public static (int[] X, double[] Tx, double[] T) BgNbd(BgNbdParameters p, int customers, double minT, double maxT,
        int seed, double resolution = 0)
    {
        var random = new Random(seed);
        var (xs, txs, ts) = (new int[customers], new double[customers], new double[customers]);
        for (var i = 0; i < customers; i++)
        {
            var lambda = RandomVariates.Gamma(random, p.R, p.Alpha);
            var dropout = RandomVariates.Beta(random, p.A, p.B);
            var t = minT + (maxT - minT) * random.NextDouble();
            double now = 0, last = 0;
            var x = 0;
            while (true)
            {
                now += RandomVariates.Exponential(random, lambda);
                if (now > t) break;
                x++;
                last = now;
                if (random.NextDouble() < dropout) break;
            }
            if (resolution > 0) (last, t) = (Math.Floor(last / resolution) * resolution, Math.Floor(t / resolution) * resolution);
            (xs[i], txs[i], ts[i]) = (x, last, t);
        }
        return (xs, txs, ts);
    }

    /// <summary>Gamma-Gamma mean values for customers with the given x ≥ 1: ν ~ Gamma(q, γ), then the mean of x
    /// values Gamma(p, ν) is drawn directly as z̄ ~ Gamma(px, νx).</summary>
    public static double[] GammaGamma(GammaGammaParameters p, IReadOnlyList<int> x, int seed)
    {
        var random = new Random(seed);
        var z = new double[x.Count];
        for (var i = 0; i < z.Length; i++)
        {
            var nu = RandomVariates.Gamma(random, p.Q, p.Gamma);
            z[i] = RandomVariates.Gamma(random, p.P * x[i], nu * x[i]);
        }
        return z;
    }
}
