namespace Patron.Platform.Privacy;

/// <summary>
/// Masks personal data for people who may see a customer but not their contact details
/// (PIPL art. 51: technical measures such as de-identification). Revealing the full value is a permission and is audited.
/// </summary>
public static class Masking
{
    /// <summary>+8613812341234 → 138****1234; other numbers keep their first 3 and last 4 digits.</summary>
    public static string? Mobile(string? e164)
    {
        if (string.IsNullOrEmpty(e164)) return e164;
        var national = e164.StartsWith("+86") ? e164[3..] : e164;
        if (national.Length < 8) return new string('*', national.Length);
        return string.Concat(national.AsSpan(0, 3), "****", national.AsSpan(national.Length - 4));
    }

    /// <summary>zhang.wei@example.com → z***@example.com.</summary>
    public static string? Email(string? email)
    {
        if (string.IsNullOrEmpty(email)) return email;
        var at = email.IndexOf('@');
        return at <= 0 ? "***" : string.Concat(email.AsSpan(0, 1), "***", email.AsSpan(at));
    }

    /// <summary>Keeps the last 4 characters of a card or platform id; four stars stand for the rest, whatever its length.</summary>
    public static string? Tail(string? value) =>
        string.IsNullOrEmpty(value) || value.Length <= 4 ? value : "****" + value[^4..];

    /// <summary>For display of a mobile to someone allowed to see it: +8613812341234 → 138 1234 1234.</summary>
    public static string? FormatMobile(string? e164) =>
        e164 is { Length: 14 } && e164.StartsWith("+86") ? $"{e164[3..6]} {e164[6..10]} {e164[10..]}" : e164;
}
