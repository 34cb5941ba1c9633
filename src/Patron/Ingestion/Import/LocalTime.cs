using System.Globalization;
using Patron.Engine.Matching;
using Patron.Ingestion.Cleaning;

namespace Patron.Ingestion.Import;

/// <summary>
/// Times of sale as exports write them: local wall-clock time without a zone (2024-03-05 14:23:11, 2024/3/5 9:05),
/// or ISO 8601 with Z or an offset. A date alone is taken as local midnight.
/// </summary>
public static class LocalTime
{
    static readonly string[] Formats =
    [
        "yyyy-M-d H:m:s", "yyyy-M-d H:m", "yyyy/M/d H:m:s", "yyyy/M/d H:m", "yyyy.M.d H:m:s", "yyyy-M-d'T'H:m:s",
        "yyyy-M-d H:m:s.FFFFFFF", "yyyy-M-d'T'H:m:s.FFFFFFF", "yyyyMMddHHmmss", "yyyy年M月d日 H:m:s", "yyyy年M月d日 H:m",
    ];

    public static DateTime? ToUtc(string raw, double offsetHours, string? dateFormat, out string? error)
    {
        var utc = ToUtcOrProblem(raw, offsetHours, dateFormat, out var problem);
        error = problem?.Text;
        return utc;
    }

    /// <summary><see cref="ToUtc"/> with the reason as a problem without its field (the date rule's, or <see cref="ProblemCode.TimeUnrecognised"/>).</summary>
    public static DateTime? ToUtcOrProblem(string raw, double offsetHours, string? dateFormat, out RowProblem? problem)
    {
        problem = null;
        var offset = TimeSpan.FromHours(offsetHours);
        if (Plain(raw) is { } plain) return DateTime.SpecifyKind(plain - offset, DateTimeKind.Utc);
        var s = Nfkc.Of(raw).Trim();
        if ((s.EndsWith('Z') || HasOffset(s)) && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out var zoned))
            return zoned.UtcDateTime;
        if (DateTime.TryParseExact(s, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            return DateTime.SpecifyKind(local - offset, DateTimeKind.Utc);
        var date = DateCleaning.Parse(s, dateFormat);
        if (date.HasValue) return DateTime.SpecifyKind(date.Value.ToDateTime(TimeOnly.MinValue) - offset, DateTimeKind.Utc);
        problem = date.Problem ?? RowProblem.Of(ProblemCode.TimeUnrecognised, $"'{s}' is not a time.", s);
        return null;
    }

    /// <summary>
    /// The form nearly every export writes, yyyy-MM-dd HH:mm:ss in ASCII, read without normalisation or the format list
    /// (TryParseExact over eleven formats was half the cost of cleaning an order line). Anything else, or an impossible
    /// date, returns null and takes the general path, which gives the same answer and the error message.
    /// </summary>
    static DateTime? Plain(string s)
    {
        if (s.Length != 19 || s[4] != '-' || s[7] != '-' || s[10] != ' ' || s[13] != ':' || s[16] != ':') return null;
        int year = Digits(s, 0, 4), month = Digits(s, 5, 2), day = Digits(s, 8, 2);
        int hour = Digits(s, 11, 2), minute = Digits(s, 14, 2), second = Digits(s, 17, 2);
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour is < 0 or > 23 || minute is < 0 or > 59 || second is < 0 or > 59) return null;
        return new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified);
    }

    /// <summary>The number in s[start..start+count], or -1 when a character is not an ASCII digit.</summary>
    static int Digits(string s, int start, int count)
    {
        var n = 0;
        for (var i = start; i < start + count; i++)
        {
            if (s[i] is < '0' or > '9') return -1;
            n = n * 10 + (s[i] - '0');
        }
        return n;
    }

    // An offset after the time: +08:00, -0500. A date's own hyphens come before the 'T' or the space.
    static bool HasOffset(string s)
    {
        var t = s.IndexOfAny(['T', ' ']);
        return t > 0 && s.IndexOfAny(['+', '-'], t) > 0;
    }
}
