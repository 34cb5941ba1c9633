namespace Patron.Engine.Segments;

/// <summary>
/// A date per customer as a day number, days since 1970-01-01 (so 0 is 1970-01-01 and dates before it are
/// negative); <see cref="Missing"/> marks no date. Relative date rules become integer range checks on these.
/// </summary>
public sealed class DateColumn(string name, int[] days, string? label = null) : FeatureColumn(name, label)
{
    public const int Missing = int.MinValue;

    static readonly int EpochDayNumber = new DateOnly(1970, 1, 1).DayNumber;

    // Month*32+day per customer, built on the first birthday rule: anniversaries ignore the year, and splitting
    // a day number into month and day is the expensive part, so it is done once per column, not per evaluation.
    readonly Lazy<short[]> monthDays = new(() => Birthdays.MonthDays(days));

    public int[] Days { get; } = days ?? throw new ArgumentNullException(nameof(days));

    public override FeatureKind Kind => FeatureKind.Date;

    public override int Length => Days.Length;

    internal short[] MonthDays => monthDays.Value;

    public static int ToDay(DateOnly date) => date.DayNumber - EpochDayNumber;

    public static DateOnly ToDate(int day) => DateOnly.FromDayNumber(day + EpochDayNumber);

    public static DateColumn From(string name, DateOnly?[] dates, string? label = null) =>
        new(name, Array.ConvertAll(dates, d => d is { } x ? ToDay(x) : Missing), label);

    public override Bitset Empty() => ColumnScan.Run(Length, new ColumnScan.IntEquals(Days, Missing));
}
