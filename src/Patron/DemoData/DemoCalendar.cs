namespace Patron.DemoData;

/// <summary>
/// The simulated period in China local days (UTC+8, no daylight saving): from AsOf minus Months up to the day
/// before AsOf, so nothing lies in the future. Time inside the simulation is a double: days since Start.
/// </summary>
sealed class DemoCalendar
{
    public static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public const double Weekend = 1.35;
    public const double MemberDay = 1.5;
    public const DayOfWeek MemberWeekday = DayOfWeek.Wednesday;

    /// <summary>Spring Festival (春节, first day of the lunar year); the calendar knows no formula for it, so the real dates.</summary>
    static readonly DateOnly[] SpringFestivals =
        [new(2023, 1, 22), new(2024, 2, 10), new(2025, 1, 29), new(2026, 2, 17), new(2027, 2, 6), new(2028, 1, 26)];

    readonly double[] memberFactor;
    readonly double[] walkInFactor;

    public DemoCalendar(DateOnly asOf, int months)
    {
        Start = asOf.AddMonths(-months);
        Days = asOf.DayNumber - Start.DayNumber;
        memberFactor = new double[Days];
        walkInFactor = new double[Days];
        for (var d = 0; d < Days; d++)
        {
            var date = Start.AddDays(d);
            var week = date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? Weekend : 1;
            var festival = FestivalFactor(date);
            walkInFactor[d] = week * festival;
            // Member day discounts draw members only; walk-in shoppers have no reason to prefer Wednesday.
            memberFactor[d] = (date.DayOfWeek == MemberWeekday ? MemberDay : week) * festival;
        }
        MaxFactor = Math.Max(memberFactor.Max(), walkInFactor.Max());
    }

    public DateOnly Start { get; }

    public int Days { get; }

    public double MaxFactor { get; }

    public DateOnly Date(int day) => Start.AddDays(day);

    public bool IsMemberDay(int day) => Date(day).DayOfWeek == MemberWeekday;

    public double Factor(int day, bool member) => member ? memberFactor[day] : walkInFactor[day];

    /// <summary>Local China time (day index + hours) to UTC.</summary>
    public DateTime ToUtc(int day, double hours) =>
        DateTime.SpecifyKind(Start.ToDateTime(TimeOnly.MinValue), DateTimeKind.Utc).AddDays(day).AddHours(hours) - ChinaOffset;

    /// <summary>Local hour weights: stores open 08:00-22:00 with a morning and an after-work peak; online peaks late in the evening.</summary>
    static readonly Weights StoreHours = new([3, 6, 9, 8, 5, 4, 4, 5, 7, 10, 10, 8, 5, 3]);
    static readonly Weights OnlineHours = new([2, 3, 4, 5, 5, 7, 5, 4, 4, 4, 5, 6, 7, 9, 10, 8, 4]);

    /// <summary>A local time of day in hours, uniform within the drawn hour.</summary>
    public static double TimeOfDay(DemoRandom random, bool inStore) =>
        (inStore ? 8 + StoreHours.Pick(random) : 7 + OnlineHours.Pick(random)) + random.NextDouble();

    /// <summary>Two busy weeks of New Year shopping before the festival eve (除夕); quiet from the eve to 初三, when many stay home.</summary>
    static double FestivalFactor(DateOnly date)
    {
        foreach (var festival in SpringFestivals)
        {
            var offset = date.DayNumber - festival.DayNumber;
            if (offset is >= -15 and <= -2) return 1.6;
            if (offset is >= -1 and <= 2) return 0.55;
        }
        return 1;
    }
}
