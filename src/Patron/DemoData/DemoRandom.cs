namespace Patron.DemoData;

/// <summary>
/// The only source of randomness in the generator. Random(int seed) is the legacy seeded algorithm,
/// stable across runs and .NET versions, so one seed always gives the same rows.
/// </summary>
sealed class DemoRandom(int seed)
{
    readonly Random random = new(seed);
    readonly byte[] guidBytes = new byte[16];

    public double NextDouble() => random.NextDouble();

    public int Next(int maxExclusive) => random.Next(maxExclusive);

    public int Next(int minInclusive, int maxExclusive) => random.Next(minInclusive, maxExclusive);

    public bool Chance(double p) => random.NextDouble() < p;

    public T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    public double Exponential(double rate) => -Math.Log(1 - random.NextDouble()) / rate;

    public double Normal()
    {
        // Box-Muller; one of the pair is dropped to keep the stream simple.
        var u = 1 - random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * random.NextDouble());
    }

    /// <summary>Marsaglia and Tsang, "A simple method for generating gamma variables" (2000); shape &lt; 1 by the boost Gamma(a+1)·U^(1/a).</summary>
    public double Gamma(double shape, double scale)
    {
        if (shape < 1) return Gamma(shape + 1, scale) * Math.Pow(random.NextDouble(), 1 / shape);
        var d = shape - 1.0 / 3;
        var c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double x, v;
            do { x = Normal(); v = 1 + c * x; } while (v <= 0);
            v = v * v * v;
            var u = random.NextDouble();
            if (Math.Log(u) < 0.5 * x * x + d - d * v + d * Math.Log(v)) return d * v * scale;
        }
    }

    public double Beta(double a, double b)
    {
        var x = Gamma(a, 1);
        return x / (x + Gamma(b, 1));
    }

    /// <summary>A version-7-shaped Guid from a simulated time: 48 bits of Unix milliseconds, then random bits, so ids sort by time like Guid.CreateVersion7 but stay reproducible.</summary>
    public Guid Guid7(DateTime utc)
    {
        var ms = (ulong)new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToUnixTimeMilliseconds();
        random.NextBytes(guidBytes);
        for (var i = 0; i < 6; i++) guidBytes[i] = (byte)(ms >> (40 - 8 * i));
        guidBytes[6] = (byte)(0x70 | (guidBytes[6] & 0x0F));
        guidBytes[8] = (byte)(0x80 | (guidBytes[8] & 0x3F));
        return new Guid(guidBytes, bigEndian: true);
    }
}

/// <summary>Cumulative weights for picking an index in O(log n).</summary>
sealed class Weights
{
    readonly double[] cumulative;

    public Weights(ReadOnlySpan<double> weights)
    {
        cumulative = new double[weights.Length];
        double sum = 0;
        for (var i = 0; i < weights.Length; i++) cumulative[i] = sum += weights[i];
    }

    public int Count => cumulative.Length;

    public int Pick(DemoRandom random)
    {
        var x = random.NextDouble() * cumulative[^1];
        var i = Array.BinarySearch(cumulative, x);
        return Math.Min(i < 0 ? ~i : i + 1, cumulative.Length - 1);
    }
}
