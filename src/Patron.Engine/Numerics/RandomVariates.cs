namespace Patron.Engine.Numerics;

/// <summary>Draws from the distributions the simulations need; deterministic for a seeded <see cref="Random"/>.</summary>
public static class RandomVariates
{
    /// <summary>Standard normal by the Marsaglia polar method.</summary>
    public static double Normal(Random random)
    {
        double u, v, s;
        do
        {
            u = 2 * random.NextDouble() - 1;
            v = 2 * random.NextDouble() - 1;
            s = u * u + v * v;
        } while (s is >= 1 or 0);
        return u * Math.Sqrt(-2 * Math.Log(s) / s);
    }

    /// <summary>Gamma with the given shape and rate (mean shape/rate), by Marsaglia &amp; Tsang (2000); for shape &lt; 1
    /// the draw for shape + 1 is multiplied by U^(1/shape) (their section 6).</summary>
    public static double Gamma(Random random, double shape, double rate)
    {
        if (shape < 1) return Gamma(random, shape + 1, rate) * Math.Pow(1 - random.NextDouble(), 1 / shape);
        var d = shape - 1.0 / 3;
        var c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double z, v;
            do { z = Normal(random); v = 1 + c * z; } while (v <= 0);
            v = v * v * v;
            var u = 1 - random.NextDouble();
            if (Math.Log(u) < 0.5 * z * z + d - d * v + d * Math.Log(v)) return d * v / rate;
        }
    }

    /// <summary>Beta(a, b) as X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b).</summary>
    public static double Beta(Random random, double a, double b)
    {
        var x = Gamma(random, a, 1);
        return x / (x + Gamma(random, b, 1));
    }

    /// <summary>Exponential with the given rate.</summary>
    public static double Exponential(Random random, double rate) => -Math.Log(1 - random.NextDouble()) / rate;
}
