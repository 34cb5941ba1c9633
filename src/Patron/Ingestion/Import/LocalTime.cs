using System.Globalization;
using System.Text;
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
        error = null;
        var s = raw.Normalize(NormalizationForm.FormKC).Trim();
        var offset = TimeSpan.FromHours(offsetHours);
        if ((s.EndsWith('Z') || HasOffset(s)) && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out var zoned))
            return zoned.UtcDateTime;
        if (DateTime.TryParseExact(s, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            return DateTime.SpecifyKind(local - offset, DateTimeKind.Utc);
        var date = DateCleaning.Parse(s, dateFormat);
        if (date.HasValue) return DateTime.SpecifyKind(date.Value.ToDateTime(TimeOnly.MinValue) - offset, DateTimeKind.Utc);
        error = date.Error ?? $"'{s}' is not a time.";
        return null;
    }

    // An offset after the time: +08:00, -0500. A date's own hyphens come before the 'T' or the space.
    static bool HasOffset(string s)
    {
        var t = s.IndexOfAny(['T', ' ']);
        return t > 0 && s.IndexOfAny(['+', '-'], t) > 0;
    }
}
