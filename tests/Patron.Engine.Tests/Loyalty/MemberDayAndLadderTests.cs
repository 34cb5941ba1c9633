using Patron.Engine.Loyalty;

namespace Patron.Engine.Tests.Loyalty;

public sealed class MemberDayAndLadderTests
{
    static readonly MemberDayRule[] Days = [new(DayOfWeek.Wednesday, null, 200), new(null, 18, 300)];

    [Theory]
    [InlineData(2026, 6, 2, 100)]   // a Tuesday
    [InlineData(2026, 6, 3, 200)]   // a Wednesday
    [InlineData(2026, 6, 18, 300)]  // the 18th, a Thursday
    [InlineData(2026, 11, 18, 300)] // the 18th and a Wednesday: the higher wins
    public void The_multiplier_of_a_date_is_the_highest_member_day_on_it(int y, int m, int d, int percent) =>
        Assert.Equal(percent, MemberDays.PercentOn(new DateOnly(y, m, d), Days));

    [Fact]
    public void A_threshold_is_reached_by_a_measure_equal_to_it()
    {
        TierRung regular = new(Guid.NewGuid(), 0, 0), silver = new(Guid.NewGuid(), 1, 200_000), gold = new(Guid.NewGuid(), 2, 500_000);
        TierRung[] ladder = [gold, regular, silver];
        Assert.Equal(regular, TierLadder.Qualifying(199_999, ladder));
        Assert.Equal(silver, TierLadder.Qualifying(200_000, ladder));
        Assert.Equal(gold, TierLadder.Qualifying(500_000, ladder));
        Assert.Null(TierLadder.Qualifying(-1, ladder));
    }
}
