using Patron.Engine.Basket;

namespace Patron.Engine.Tests.Basket;

/// <summary>
/// Generated baskets for timing at order-line scale: item popularity follows Zipf's law (s = 1), and half of each
/// basket's lines come from one of a few hundred "themes" (items bought together), so that real rules exist.
/// </summary>
static class SyntheticBaskets
{
    public static BasketSet Generate(int basketCount, int itemCount, int seed, int themeCount = 300, int themeSize = 8)
    {
        var random = new Random(seed);
        var cumulative = new double[itemCount];
        var sum = 0.0;
        for (var i = 0; i < itemCount; i++) cumulative[i] = sum += 1.0 / (i + 1);
        var themes = Enumerable.Range(0, themeCount).Select(_ => Enumerable.Range(0, themeSize).Select(_ => random.Next(itemCount)).ToArray()).ToArray();
        var offsets = new int[basketCount + 1];
        var items = new List<int>(basketCount * 10);
        for (var b = 0; b < basketCount; b++)
        {
            // Geometric-like sizes with mean ≈ 10 lines, as in grocery receipts: many small baskets, a long tail.
            var size = Math.Min(80, 1 + (int)(-Math.Log(1 - random.NextDouble()) * 9));
            var theme = themes[random.Next(themeCount)];
            for (var k = 0; k < size; k++)
                items.Add(random.NextDouble() < 0.5 ? theme[random.Next(themeSize)] : Popular(cumulative, random.NextDouble() * sum));
            offsets[b + 1] = items.Count;
        }
        return new BasketSet(offsets, [.. items], itemCount);
    }

    static int Popular(double[] cumulative, double u)
    {
        var i = Array.BinarySearch(cumulative, u);
        return Math.Min(cumulative.Length - 1, i >= 0 ? i : ~i);
    }
}
