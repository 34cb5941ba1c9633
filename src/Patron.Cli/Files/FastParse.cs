namespace Patron.Cli.Files;

/// <summary>
/// Hand-written parsers for the shapes nearly every export uses, tried before the general .NET parsers because
/// those dominated the load (a list of twelve date formats, culture-aware decimals). Each returns false for
/// anything it is not sure of, and the caller then falls back to the general parser, so results never differ.
/// </summary>
static class FastParse
{
    /// <summary>
    /// yyyy-MM-dd, yyyy-MM-dd HH:mm, yyyy-MM-dd HH:mm:ss and yyyyMMdd, as UTC: the same value and kind that
    /// DateTime.TryParseExact with AssumeUniversal | AdjustToUniversal gives for them.
    /// </summary>
    public static bool TryDate(ReadOnlySpan<char> s, out DateTime date)
    {
        date = default;
        int year, month, day, hour = 0, minute = 0, second = 0;
        if (s.Length == 8)
        {
            if (!Digits(s, 0, 4, out year) || !Digits(s, 4, 2, out month) || !Digits(s, 6, 2, out day)) return false;
        }
        else if (s.Length is 10 or 16 or 19 && s[4] == '-' && s[7] == '-')
        {
            if (!Digits(s, 0, 4, out year) || !Digits(s, 5, 2, out month) || !Digits(s, 8, 2, out day)) return false;
            if (s.Length >= 16 && (s[10] != ' ' || s[13] != ':' || !Digits(s, 11, 2, out hour) || !Digits(s, 14, 2, out minute))) return false;
            if (s.Length == 19 && (s[16] != ':' || !Digits(s, 17, 2, out second))) return false;
        }
        else return false;
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59) return false;
        date = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc);
        return true;
    }

    /// <summary>
    /// Plain decimals, -?digits(.digits)?, up to 18 digits: the same value and scale (trailing zeros kept) as
    /// decimal.TryParse with NumberStyles.Number. Negative zero is left to decimal.TryParse.
    /// </summary>
    public static bool TryDecimal(ReadOnlySpan<char> s, out decimal value)
    {
        value = 0;
        var negative = s.Length > 0 && s[0] == '-';
        var i = negative ? 1 : 0;
        long mantissa = 0;
        int digits = 0, scale = 0;
        var point = false;
        for (; i < s.Length; i++)
        {
            var c = s[i];
            if (c == '.' && !point && digits > 0) { point = true; continue; }
            if (!char.IsAsciiDigit(c)) return false;
            if (++digits > 18) return false;
            mantissa = mantissa * 10 + (c - '0');
            if (point) scale++;
        }
        if (digits == 0 || (point && scale == 0) || (negative && mantissa == 0)) return false;
        value = new decimal((int)mantissa, (int)(mantissa >> 32), 0, negative, (byte)scale);
        return true;
    }

    static bool Digits(ReadOnlySpan<char> s, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            if (!char.IsAsciiDigit(s[i])) return false;
            value = value * 10 + (s[i] - '0');
        }
        return true;
    }
}
