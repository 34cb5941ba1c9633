using System.Globalization;
using System.Text.RegularExpressions;
using Patron.Engine.Matching;

namespace Patron.Ingestion.Cleaning;

/// <summary>
/// Calendar dates (birthdays, sign-up days) as Chinese exports write them. Year-first forms are unambiguous and read
/// without a hint; day/month-first forms are read only when they cannot be misread or when the caller gives the format.
/// </summary>
public static partial class DateCleaning
{
    /// <summary>
    /// 2024-03-05, 2024/3/5, 2024.3.5, 20240305, 2024年3月5日 (or 号), Excel serials such as 45356; with
    /// <paramref name="format"/> (a .NET custom format like "dd/MM/yyyy") only that format is accepted.
    /// </summary>
    public static Cleaned<DateOnly> Parse(string? raw, string? format = null)
    {
        if (string.IsNullOrWhiteSpace(raw)) return Cleaned<DateOnly>.Empty;
        var s = Nfkc.Of(raw).Trim();
        if (format is not null)
            return DateOnly.TryParseExact(s, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var exact)
                ? Cleaned<DateOnly>.Ok(exact)
                : Fail(ProblemCode.DateNotInFormat, $"'{s}' is not a date in the format {format}.", s, ("format", format));
        if (YearFirst().Match(s) is { Success: true } y) return Build(s, y);
        if (Chinese().Match(s) is { Success: true } c) return Build(s, c);
        if (Compact().Match(s) is { Success: true } k) return Build(s, k);
        if (DayOrMonthFirst().Match(s) is { Success: true } d) return DayOrMonth(s, d);
        if (Serial().IsMatch(s)) return Serial(s);
        return Fail(ProblemCode.DateUnrecognised, $"'{s}' is not a date: expected yyyy-MM-dd, yyyy/M/d, yyyyMMdd, yyyy年M月d日 or an Excel serial.", s);
    }

    /// <summary>
    /// Excel's 1900 date system: serial 1 is 1900-01-01. Excel copied Lotus 1-2-3 in treating 1900 as a leap year, so
    /// serial 60 is the non-existent 1900-02-29 and every later serial is one day ahead of a plain day count.
    /// A fraction is the time of day and is dropped. (Mac workbooks with the 1904 system are not handled here.)
    /// </summary>
    public static Cleaned<DateOnly> FromExcelSerial(double serial)
    {
        var day = (int)Math.Floor(serial);
        var text = serial.ToString(CultureInfo.InvariantCulture);
        if (day < 1 || day > 2958465)
            return Fail(ProblemCode.DateExcelSerialRange, $"Excel serial {text} is outside 1900-01-01..9999-12-31.", text, ("serial", text));
        if (day == 60) return Fail(ProblemCode.DateExcelSerial60, "Excel serial 60 is 1900-02-29, a day that does not exist (Excel's 1900 leap-year bug).", text);
        var epoch = day < 60 ? new DateOnly(1899, 12, 31) : new DateOnly(1899, 12, 30);
        return Cleaned<DateOnly>.Ok(epoch.AddDays(day));
    }

    static Cleaned<DateOnly> Serial(string s)
    {
        var value = double.Parse(s, CultureInfo.InvariantCulture);
        // A four-digit number in a date column is far more often a year of birth than a day in 1904-1906.
        if (s.Length == 4 && value is >= 1800 and < 2200)
            return Fail(ProblemCode.DateYearAlone, $"'{s}' looks like a year alone, not a date.", s);
        return FromExcelSerial(value);
    }

    static Cleaned<DateOnly> DayOrMonth(string s, Match m)
    {
        int a = int.Parse(m.Groups["a"].Value), b = int.Parse(m.Groups["b"].Value), year = int.Parse(m.Groups["y"].Value);
        // Only one reading exists when a part exceeds 12 or both parts are equal; otherwise refuse rather than guess.
        if (a > 12 && b <= 12) return Build(s, year, b, a);
        if (b > 12 && a <= 12) return Build(s, year, a, b);
        if (a == b) return Build(s, year, a, b);
        string dayFirst = Iso(year, b, a), monthFirst = Iso(year, a, b);
        return Fail(ProblemCode.DateAmbiguous,
            $"'{s}' is ambiguous: day first (UK, Europe) reads {dayFirst}, month first (US) reads {monthFirst}; give the source's date format.",
            s, ("dayFirst", dayFirst), ("monthFirst", monthFirst));
    }

    static Cleaned<DateOnly> Build(string s, Match m) =>
        Build(s, int.Parse(m.Groups["y"].Value), int.Parse(m.Groups["m"].Value), int.Parse(m.Groups["d"].Value));

    static Cleaned<DateOnly> Build(string s, int year, int month, int day)
    {
        if (year < 1) return Fail(ProblemCode.DateYearZero, "Year 0 does not exist.", s);
        if (month is < 1 or > 12) return Fail(ProblemCode.DateMonthInvalid, $"Month {month} does not exist.", s, ("month", month));
        var days = DateTime.DaysInMonth(year, month);
        if (day < 1 || day > days)
        {
            string date = Iso(year, month, day), yearMonth = $"{year:D4}-{month:D2}";
            return Fail(ProblemCode.DateDayInvalid, $"{date} does not exist: {yearMonth} has {days} days.", s,
                ("date", date), ("month", yearMonth), ("days", days));
        }
        return Cleaned<DateOnly>.Ok(new DateOnly(year, month, day));
    }

    static string Iso(int year, int month, int day) => FormattableString.Invariant($"{year:D4}-{month:D2}-{day:D2}");

    static Cleaned<DateOnly> Fail(ProblemCode code, string text, string value, params (string, object)[] args) =>
        Cleaned<DateOnly>.Fail(RowProblem.Of(code, text, value, args));

    // The same separator on both sides: 2024-03/05 is more likely a typo than a date.
    [GeneratedRegex(@"^(?<y>\d{4})(?<sep>[-/.])(?<m>\d{1,2})\k<sep>(?<d>\d{1,2})$")]
    private static partial Regex YearFirst();

    [GeneratedRegex(@"^(?<y>\d{4})\s*年\s*(?<m>\d{1,2})\s*月\s*(?<d>\d{1,2})\s*[日号]?$")]
    private static partial Regex Chinese();

    [GeneratedRegex(@"^(?<y>\d{4})(?<m>\d{2})(?<d>\d{2})$")]
    private static partial Regex Compact();

    [GeneratedRegex(@"^(?<a>\d{1,2})(?<sep>[-/.])(?<b>\d{1,2})\k<sep>(?<y>\d{4})$")]
    private static partial Regex DayOrMonthFirst();

    // Up to five digits (serial 99999 is in 2173); six- and seven-digit numbers are more likely mangled dates.
    [GeneratedRegex(@"^\d{1,5}(?:\.\d+)?$")]
    private static partial Regex Serial();
}
