namespace Patron.Engine.Segments;

/// <summary>
/// Anniversaries of a date (birthdays, sign-up days) ignoring the year. A 29 February birthday is kept on
/// 28 February in common years, the usual choice of member-day and birthday-coupon systems (the customer still
/// gets the greeting in February); the alternative, 1 March, would move it into another month.
/// </summary>
static class Birthdays
{
    public const int TableSize = 13 * 32;

    public static short[] MonthDays(int[] days)
    {
        var result = new short[days.Length];
        for (var i = 0; i < days.Length; i++)
        {
            if (days[i] == DateColumn.Missing) continue;
            var d = DateColumn.ToDate(days[i]);
            result[i] = (short)(d.Month * 32 + d.Day);
        }
        return result;
    }

    /// <summary>Days from <paramref name="asOf"/> to the next anniversary of month/day on or after it (0 = today).</summary>
    public static int DaysUntil(int month, int day, DateOnly asOf)
    {
        var next = Anniversary(month, day, asOf.Year);
        if (next < asOf) next = Anniversary(month, day, asOf.Year + 1);
        return next.DayNumber - asOf.DayNumber;
    }

    static DateOnly Anniversary(int month, int day, int year) =>
        month == 2 && day == 29 && !DateTime.IsLeapYear(year) ? new DateOnly(year, 2, 28) : new DateOnly(year, month, day);

    /// <summary>
    /// Which month/day keys have their next anniversary within <paramref name="withinDays"/> days of
    /// <paramref name="asOf"/>: 366 date computations per evaluation instead of one per customer.
    /// </summary>
    public static bool[] WithinNext(int withinDays, DateOnly asOf)
    {
        var accept = new bool[TableSize];
        for (var month = 1; month <= 12; month++)
            for (var day = 1; day <= DateTime.DaysInMonth(2000, month); day++)
                accept[month * 32 + day] = DaysUntil(month, day, asOf) <= withinDays;
        return accept;
    }
}
