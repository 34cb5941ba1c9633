using Patron.Engine.Matching;

namespace Patron.Engine.Tests.Matching;

public sealed class BlockingTests
{
    static MatchRecords Random(int n, int seed)
    {
        var random = new Random(seed);
        string Pick(params string[] xs) => random.Next(5) == 0 ? "" : xs[random.Next(xs.Length)];
        var names = new string?[n];
        var dates = new string?[n];
        var mobiles = new string?[n];
        for (var i = 0; i < n; i++)
        {
            names[i] = Pick("张伟", "张玮", "王芳", "李娜", "smith john", "smyth jon");
            dates[i] = Pick("19850305", "19850503", "19901111", "19770101");
            mobiles[i] = Pick("13800138000", "13900138000", "13911112222", "18612345678");
        }
        return MatchRecords.Prepare([MatchModel.Field(FieldRole.FullName), MatchModel.Field(FieldRole.Birthday), MatchModel.Field(FieldRole.Mobile)],
            [names, dates, mobiles]);
    }

    static readonly FieldRole[] Roles = [FieldRole.FullName, FieldRole.Birthday, FieldRole.Mobile];

    [Fact]
    public void Every_pair_that_shares_a_blocking_key_is_a_candidate_exactly_once()
    {
        var records = Random(300, seed: 1);
        var keys = MatchModel.Keys(Roles);
        Assert.True(keys.Count >= 3);
        var plan = new BlockPlan(records, keys, maxBlock: 10_000);
        var pairs = plan.Pairs().Select(p => (Math.Min(p.A, p.B), Math.Max(p.A, p.B))).ToList();
        Assert.Equal(pairs.Count, pairs.Distinct().Count());
        var candidates = pairs.ToHashSet();
        var expected = 0;
        for (var a = 0; a < records.Count; a++)
            for (var b = a + 1; b < records.Count; b++)
            {
                var shares = keys.Any(k => k.Hash(records, a) is var h && h != 0 && h == k.Hash(records, b));
                if (!shares) continue;
                expected++;
                Assert.Contains((a, b), candidates);
            }
        Assert.Equal(expected, candidates.Count);
    }

    [Fact]
    public void A_birthday_with_day_and_month_swapped_and_a_formatted_mobile_fall_in_the_same_blocks()
    {
        var records = MatchRecords.Prepare([MatchModel.Field(FieldRole.FullName), MatchModel.Field(FieldRole.Birthday), MatchModel.Field(FieldRole.Mobile)],
            [["张伟", "张玮"], ["19850305", "19850503"], ["13800138000", "+86 138-0013-8000"]]);
        var keys = MatchModel.Keys(Roles);
        var byName = keys.Single(k => k.Name == "family name + birthday");
        Assert.Equal(byName.Hash(records, 0), byName.Hash(records, 1));
        var byMobile = keys.Single(k => k.Name == "mobile last 8");
        Assert.Equal(byMobile.Hash(records, 0), byMobile.Hash(records, 1));
        Assert.Single(new BlockPlan(records, keys, 100).Pairs());
    }

    [Fact]
    public void A_block_over_the_limit_is_skipped_and_counted()
    {
        var records = Random(300, seed: 2);
        var keys = MatchModel.Keys(Roles);
        var plan = new BlockPlan(records, keys, maxBlock: 20);
        Assert.True(plan.SkippedBlocks > 0);
        Assert.True(plan.SkippedRecords > 0);
        for (var b = 0; b < plan.Blocks; b++) Assert.InRange(plan.Members(b, out _).Length, 2, 20);
    }

    [Fact]
    public void Linking_compares_only_pairs_across_the_two_sources()
    {
        var records = Random(200, seed: 3);
        var source = Enumerable.Range(0, 200).Select(i => i % 2).ToArray();
        var plan = new BlockPlan(records, MatchModel.Keys(Roles), 10_000);
        var pairs = plan.Pairs(source).ToList();
        Assert.NotEmpty(pairs);
        Assert.All(pairs, p => Assert.NotEqual(source[p.A], source[p.B]));
    }
}
