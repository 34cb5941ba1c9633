using Patron.Ingestion.Cleaning;

namespace Patron.Tests.Ingestion.Cleaning;

public sealed class BoundedCacheTests
{
    [Fact]
    public void A_value_seen_again_is_not_cleaned_again()
    {
        var calls = 0;
        var cache = new BoundedCache<string>(s => { calls++; return s.ToUpperInvariant(); });

        string[] answers = [cache.Get("a"), cache.Get("b"), cache.Get("a"), cache.Get("a")];

        Assert.Equal(["A", "B", "A", "A"], answers);
        Assert.Equal(2, calls);
    }

    [Fact]
    public void A_full_cache_is_emptied_and_still_gives_the_same_answers()
    {
        var calls = 0;
        var cache = new BoundedCache<int>(s => { calls++; return s.Length * 10 + s[0]; }, capacity: 3);
        var values = Enumerable.Range(0, 10).Select(i => new string((char)('a' + i), i + 1)).ToList();

        var first = values.Select(cache.Get).ToList();
        var peak = cache.Count;
        var second = values.Select(cache.Get).ToList();

        Assert.Equal(values.Select(s => s.Length * 10 + s[0]), first);
        Assert.Equal(first, second);
        Assert.InRange(peak, 1, 3);
        Assert.InRange(cache.Count, 1, 3);
        // Ten distinct values through three places: the second pass cleans them again rather than growing.
        Assert.Equal(20, calls);
    }
}
