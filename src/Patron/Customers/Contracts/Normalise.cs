using System.Text;
using System.Text.RegularExpressions;
using PhoneNumbers;

namespace Patron.Customers.Contracts;

/// <summary>
/// Which rule refused a value, for callers that say why in another language than <see cref="Normalised.Error"/>'s
/// English (the import page in zh-CN) or let an integrator branch on it.
/// </summary>
public enum NormaliseError
{
    None, Required, TooLong, ControlCharacters, CardCharacters, EmailInvalid, NotAMobile,
    PhoneNotANumber, PhoneTooShort, PhoneTooLong, PhoneCountryCode, PhoneInvalid, PhoneServiceNumber,
}

/// <summary>A normalised value, or why the raw value was refused. Both null: nothing was given.</summary>
public readonly record struct Normalised(string? Value, string? Error, NormaliseError Reason = NormaliseError.None)
{
    public static Normalised Empty => default;
    public static Normalised Ok(string value) => new(value, null);
    public static Normalised Fail(NormaliseError reason, string error) => new(null, error, reason);
}

public enum PhoneKind { Mobile, Landline }

/// <summary>
/// A phone number in E.164 and whether it is a mobile or a landline, or why it was refused. All null: nothing was given.
/// Digits: how many digits the refused number has without its country code (for <see cref="NormaliseError.PhoneInvalid"/>).
/// </summary>
public readonly record struct NormalisedPhone(string? Value, PhoneKind Kind, string? Error, NormaliseError Reason = NormaliseError.None, int Digits = 0)
{
    public static NormalisedPhone Ok(string value, PhoneKind kind) => new(value, kind, null);
    public static NormalisedPhone Fail(NormaliseError reason, string error, int digits = 0) => new(null, default, error, reason, digits);
}

/// <summary>
/// How Patron writes identifiers and names, in one place so that the API, the UI and ingestion agree on what
/// "the same mobile" is. In Contracts because other modules (orders, ingestion) normalise their lookups with it.
/// NFKC first: Chinese input methods produce full-width digits and signs (１３８, ＋, ＠) that look right but compare wrong.
/// </summary>
public static partial class Normalise
{
    public const string DefaultRegion = "CN";
    public const int MaxName = 100;
    public const int MaxMemberCard = 32;
    public const int MaxEmail = 254;

    static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    /// <summary>Any common way of writing a mobile (138 0013 8000, +86-138-0013-8000, 0086 13800138000) → E.164 +8613800138000.</summary>
    public static Normalised Mobile(string? raw)
    {
        var phone = Phone(raw);
        if (phone.Value is null) return new Normalised(null, phone.Error, phone.Reason);
        if (phone.Kind is not PhoneKind.Mobile)
            return Normalised.Fail(NormaliseError.NotAMobile, "This is a landline or service number; the mobile field takes a mobile number.");
        return Normalised.Ok(phone.Value);
    }

    /// <summary>
    /// Mobiles and landlines (010-12345678 → +861012345678), telling which is which, for sources whose "phone" column
    /// holds either. The one place Patron parses phone numbers, so Mobile and ingestion agree on what a number is.
    /// </summary>
    public static NormalisedPhone Phone(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return default;
        PhoneNumber number;
        try { number = Phones.Parse(raw.Normalize(NormalizationForm.FormKC).Trim(), DefaultRegion); }
        catch (NumberParseException) { return NormalisedPhone.Fail(NormaliseError.PhoneNotANumber, "Not a phone number."); }
        if (!Phones.IsValidNumber(number))
        {
            var digits = Phones.GetNationalSignificantNumber(number).Length;
            return Phones.IsPossibleNumberWithReason(number) switch
            {
                PhoneNumberUtil.ValidationResult.TOO_SHORT => NormalisedPhone.Fail(NormaliseError.PhoneTooShort,
                    "Too few digits for a phone number: a mainland China mobile has 11 digits and starts with 1.", digits),
                PhoneNumberUtil.ValidationResult.TOO_LONG => NormalisedPhone.Fail(NormaliseError.PhoneTooLong,
                    "Too many digits for a phone number: a mainland China mobile has 11 digits and starts with 1.", digits),
                PhoneNumberUtil.ValidationResult.INVALID_COUNTRY_CODE => NormalisedPhone.Fail(NormaliseError.PhoneCountryCode, "Unknown country calling code."),
                _ => NormalisedPhone.Fail(NormaliseError.PhoneInvalid, $"Not a valid phone number ({digits} digits): a mainland China mobile has 11 digits and starts with 1, a landline is a 2- to 4-digit area code and 7 or 8 digits.", digits),
            };
        }
        var e164 = Phones.Format(number, PhoneNumberFormat.E164);
        return Phones.GetNumberType(number) switch
        {
            // Outside China libphonenumber often cannot tell the two apart (US, CA); a customer's number is more likely a mobile.
            PhoneNumberType.MOBILE or PhoneNumberType.FIXED_LINE_OR_MOBILE => NormalisedPhone.Ok(e164, PhoneKind.Mobile),
            PhoneNumberType.FIXED_LINE => NormalisedPhone.Ok(e164, PhoneKind.Landline),
            _ => NormalisedPhone.Fail(NormaliseError.PhoneServiceNumber, "A service number (such as 400/800, premium or VoIP), not a customer's phone."),
        };
    }

    /// <summary>Trims and lower-cases the domain; the local part keeps its case because RFC 5321 lets servers tell it apart.</summary>
    public static Normalised Email(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return Normalised.Empty;
        var s = raw.Normalize(NormalizationForm.FormKC).Trim();
        var at = s.LastIndexOf('@');
        if (s.Length > MaxEmail || at <= 0 || at > 64 || !LocalPart().IsMatch(s[..at]) || !Domain().IsMatch(s[(at + 1)..]))
            return Normalised.Fail(NormaliseError.EmailInvalid, "Not a valid email address.");
        return Normalised.Ok(string.Concat(s.AsSpan(0, at + 1), s[(at + 1)..].ToLowerInvariant()));
    }

    /// <summary>
    /// The identifier key of a normalised email: wholly lower-case, because no mainstream mailbox provider
    /// distinguishes Zhang@ from zhang@ and two customers must not own them separately.
    /// </summary>
    public static string EmailKey(string normalisedEmail) => normalisedEmail.ToLowerInvariant();

    /// <summary>Trims and collapses runs of white space (including the ideographic space U+3000) to one space.</summary>
    public static Normalised Name(string? raw)
    {
        var s = Text(raw);
        if (s is null) return Normalised.Fail(NormaliseError.Required, "A name is required.");
        if (s.Length > MaxName) return Normalised.Fail(NormaliseError.TooLong, $"At most {MaxName} characters.");
        if (s.Any(char.IsControl)) return Normalised.Fail(NormaliseError.ControlCharacters, "Contains control characters.");
        return Normalised.Ok(s);
    }

    /// <summary>Card numbers are printed in groups ("8800 1234 5678"); the key drops the spaces and upper-cases letters.</summary>
    public static Normalised MemberCard(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return Normalised.Empty;
        var s = string.Concat(raw.Normalize(NormalizationForm.FormKC).Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
        if (s.Length > MaxMemberCard) return Normalised.Fail(NormaliseError.TooLong, $"At most {MaxMemberCard} characters.");
        if (!Card().IsMatch(s)) return Normalised.Fail(NormaliseError.CardCharacters, "Only letters, digits and hyphens.");
        return Normalised.Ok(s);
    }

    /// <summary>Free text: trimmed, white space collapsed, null when empty.</summary>
    public static string? Text(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        return Spaces().Replace(raw.Trim(), " ");
    }

    // No spaces or specials, no leading, trailing or doubled dot (RFC 5322 dot-atom).
    [GeneratedRegex(@"^(?!\.)(?!.*\.\.)[^\s@""(),:;<>\[\]\\]+(?<!\.)$")]
    private static partial Regex LocalPart();

// Labels of letters (any script: 例子.中国), digits and inner hyphens; the top level starts with a letter (xn--fiqs8s is punycode).
    [GeneratedRegex(@"^(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+\p{L}[\p{L}\p{N}-]{0,61}[\p{L}\p{N}]$")]
    private static partial Regex Domain();

    [GeneratedRegex(@"^[A-Z0-9][A-Z0-9-]*$")]
    private static partial Regex Card();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
