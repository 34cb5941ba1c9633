namespace Patron.Engine.Loyalty;

/// <summary>A recurring member day: a weekday (every Wednesday) or a day of the month (the 18th), with its multiplier.</summary>
public sealed record MemberDayRule(DayOfWeek? Weekday, int? DayOfMonth, int Percent);

public static class MemberDays
{
    /// <summary>The multiplier on a local date: the highest of the member days falling on it, 100 when none does.</summary>
    public static int PercentOn(DateOnly localDate, IEnumerable<MemberDayRule> days)
    {
        var best = 100;
        var any = false;
        foreach (var d in days)
        {
            if (d.Weekday != localDate.DayOfWeek && d.DayOfMonth != localDate.Day) continue;
            best = any ? Math.Max(best, d.Percent) : d.Percent;
            any = true;
        }
        return best;
    }
}
