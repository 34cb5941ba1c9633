using Patron.Engine.Rfm;

namespace Patron.Engine.Tests.Rfm;

public sealed class RfmSegmentsTests
{
    [Fact]
    public void Every_segment_is_reachable_from_some_scores()
    {
        var reached = new HashSet<RfmSegment>();
        for (var r = 1; r <= 5; r++)
            for (var f = 1; f <= 5; f++)
                for (var m = 1; m <= 5; m++)
                    reached.Add(RfmSegments.Of(r, f, m));
        Assert.Equal(Enum.GetValues<RfmSegment>().Order(), reached.Order());
    }

    [Theory]
    [InlineData(5, 5, 5, RfmSegment.Champions)]
    [InlineData(5, 4, 5, RfmSegment.Champions)]   // FM = ⌈4.5⌉ = 5
    [InlineData(5, 4, 4, RfmSegment.Loyal)]
    [InlineData(3, 5, 5, RfmSegment.Loyal)]
    [InlineData(4, 3, 3, RfmSegment.PotentialLoyalists)]
    [InlineData(5, 2, 1, RfmSegment.PotentialLoyalists)] // FM = ⌈1.5⌉ = 2
    [InlineData(5, 1, 1, RfmSegment.NewCustomers)]
    [InlineData(4, 1, 1, RfmSegment.Promising)]
    [InlineData(3, 3, 3, RfmSegment.NeedAttention)]
    [InlineData(3, 1, 2, RfmSegment.AboutToSleep)]
    [InlineData(3, 1, 1, RfmSegment.AboutToSleep)]
    [InlineData(2, 5, 5, RfmSegment.AtRisk)]
    [InlineData(1, 4, 4, RfmSegment.AtRisk)]
    [InlineData(2, 3, 3, RfmSegment.AtRisk)]
    [InlineData(1, 5, 5, RfmSegment.CantLose)]
    [InlineData(1, 5, 4, RfmSegment.CantLose)]
    [InlineData(2, 2, 2, RfmSegment.Hibernating)]
    [InlineData(2, 1, 1, RfmSegment.Lost)]
    [InlineData(1, 2, 2, RfmSegment.Lost)]
    [InlineData(1, 1, 1, RfmSegment.Lost)]
    public void Segments_follow_the_R_by_FM_grid(int r, int f, int m, RfmSegment expected) =>
        Assert.Equal(expected, RfmSegments.Of(r, f, m));

    [Theory]
    [InlineData(0, 3, 3)]
    [InlineData(3, 6, 3)]
    [InlineData(3, 3, -1)]
    public void Scores_outside_1_to_5_are_rejected(int r, int f, int m) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => RfmSegments.Of(r, f, m));

    [Fact]
    public void Every_segment_has_a_distinct_key_and_English_and_Chinese_names()
    {
        Assert.Equal(Enum.GetValues<RfmSegment>(), RfmSegments.All.Select(s => s.Segment));
        Assert.Equal(RfmSegments.All.Count, RfmSegments.All.Select(s => s.Key).Distinct().Count());
        Assert.Equal(RfmSegments.All.Count, RfmSegments.All.Select(s => s.English).Distinct().Count());
        Assert.Equal(RfmSegments.All.Count, RfmSegments.All.Select(s => s.Chinese).Distinct().Count());
        Assert.All(RfmSegments.All, s => Assert.Matches("^[a-z_]+$", s.Key));
        Assert.Equal("冠军客户", RfmSegments.Info(RfmSegment.Champions).Name(chinese: true));
    }

    [Fact]
    public void Scoring_values_by_quintiles_names_each_customer_a_segment()
    {
        // Five customers spread evenly: the most recent, frequent and big spender is a champion, the opposite is lost.
        var values = new RfmValues([1, 10, 20, 40, 80], [9, 4, 3, 2, 1], [9000, 4000, 3000, 2000, 1000]);
        var scores = RfmScores.ByQuintiles(values);
        Assert.Equal([5, 4, 3, 2, 1], scores.R);
        Assert.Equal([5, 4, 3, 2, 1], scores.F);
        Assert.Equal([RfmSegment.Champions, RfmSegment.Loyal, RfmSegment.NeedAttention, RfmSegment.Hibernating, RfmSegment.Lost], scores.Segment);
    }
}
