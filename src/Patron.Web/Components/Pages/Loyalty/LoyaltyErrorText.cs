using System.Text.RegularExpressions;
using Patron.Web.Localization;

namespace Patron.Web.Components.Pages.Loyalty;

/// <summary>
/// The loyalty handlers answer in English, as the API does; the pages show their messages in the UI's language. A
/// message is recognised by its pattern (numbers captured and put back in), its field by name; anything not known
/// here is shown as the handler wrote it, so a new message is never hidden, only untranslated.
/// </summary>
public static partial class LoyaltyErrorText
{
    static readonly (Regex Pattern, string Key)[] Known =
    [
        (Required100(), "LoyaltyErr.NameRequired"),
        (new(@"^Required: say why, for the audit trail\.$"), "LoyaltyErr.ReasonRequired"),
        (new(@"^Must not be zero\.$"), "LoyaltyErr.NotZero"),
        (new(@"^Must be positive\.$"), "LoyaltyErr.Positive"),
        (new(@"^Must not be negative\.$"), "LoyaltyErr.NotNegative"),
        (new(@"^The customer holds only (\d+) points; a debit of (\d+) would overdraw\.$"), "LoyaltyErr.Overdraw"),
        (new(@"^The template is no longer issued\.$"), "LoyaltyErr.TemplateStopped"),
        (new(@"^The customer already holds the most coupons of this template \((\d+)\)\.$"), "LoyaltyErr.CustomerLimit"),
        (new(@"^All (\d+) coupons of this template have been issued\.$"), "LoyaltyErr.TotalLimit"),
        (new(@"^Between 0 and 60 days before the birthday\.$"), "LoyaltyErr.BirthdayDays"),
        (new(@"^Between 7 and 730 days without a purchase\.$"), "LoyaltyErr.WinBackDays"),
        (new(@"^A threshold coupon \(满X减Y\) needs X above Y\.$"), "LoyaltyErr.Threshold"),
        (new(@"^Between 1 and 99\.$"), "LoyaltyErr.Percent"),
        (new(@"^Required for a free gift\.$"), "LoyaltyErr.GiftRequired"),
        (new(@"^Restrict to a product or a category, not both\.$"), "LoyaltyErr.ProductOrCategory"),
        (new(@"^Give a product or a category, not both\.$"), "LoyaltyErr.ProductOrCategory"),
        (new(@"^Give a weekday or a day of the month, not both\.$"), "LoyaltyErr.WeekdayOrDay"),
    ];

    public static string Message(Text t, string message)
    {
        foreach (var (pattern, key) in Known)
        {
            var match = pattern.Match(message);
            if (match.Success) return t[key, match.Groups.Values.Skip(1).Select(g => (object?)g.Value).ToArray()];
        }
        return message;
    }

    public static string Field(Text t, string field) => t.Contains($"LoyaltyField.{field}") ? t[$"LoyaltyField.{field}"] : field;

    [GeneratedRegex(@"^Required, at most (\d+) characters\.$")]
    private static partial Regex Required100();
}
