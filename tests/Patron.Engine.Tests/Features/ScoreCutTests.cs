using Patron.Engine.Features;
using Patron.Engine.Numerics;

namespace Patron.Engine.Tests.Features;

/// <summary>The store's R/F/M scores follow the rule of <see cref="RankBuckets"/>, at a rebase and for an order placed between rebases.</summary>
public sealed class ScoreCutTests
{
    static readonly DateOnly AsOf = new(2026, 3, 31);

    static Guid Id(int n) => new(n, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    [Fact]
    public void Scores_match_the_rank_rule_with_ties_at_a_rebase_and_for_orders_placed_after_it()
    {
        // 997 buyers (not a multiple of 5) on few distinct days and amounts, so that most values are tied.
        var random = new Random(7);
        var store = new FeatureStore(AsOf);
        store.BeginBulk();
        const int n = 997;
        for (var c = 0; c < n; c++)
            for (var k = random.Next(1, 5); k > 0; k--)
                store.ApplyPurchase(Id(c), new PurchaseFact(AsOf.AddDays(-random.Next(0, 12) * 7), 1000 * random.Next(1, 6), "Pos"));
        store.EndBulk(AsOf);
        var (r, f, m) = (new int[n], new int[n], new long[n]);
        for (var c = 0; c < n; c++) (r[c], f[c], m[c]) = ((int)store.Get(Id(c))!.RecencyDays!.Value, store.Get(Id(c))!.Frequency, store.Get(Id(c))!.Monetary);
        var (rs, fs, ms) = (RankBuckets.Of<int>(r, 5, true), RankBuckets.Of<int>(f, 5, false), RankBuckets.Of<long>(m, 5, false));
        for (var c = 0; c < n; c++)
        {
            var got = store.Get(Id(c))!;
            Assert.Equal((rs[c] + 1, fs[c] + 1, ms[c] + 1), (got.R!.Value, got.F!.Value, got.M!.Value));
        }

        // Between rebases a new order is scored against the population of the last rebase: w = customers strictly worse.
        for (var c = 0; c < 40; c++)
        {
            store.ApplyPurchase(Id(c), new PurchaseFact(AsOf.AddDays(-random.Next(0, 30)), 1000 * random.Next(1, 9), "Pos"));
            var got = store.Get(Id(c))!;
            var (recency, frequency, monetary) = (got.RecencyDays!.Value, got.Frequency, got.Monetary);
            Assert.Equal(Rule(r.Count(x => x > recency), n), got.R!.Value);
            Assert.Equal(Rule(f.Count(x => x < frequency), n), got.F!.Value);
            Assert.Equal(Rule(m.Count(x => x < monetary), n), got.M!.Value);
        }
    }

    static int Rule(int worse, int n) => (int)Math.Min(4, 5L * worse / n) + 1;
}
