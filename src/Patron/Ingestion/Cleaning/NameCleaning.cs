using System.Text.RegularExpressions;
using Patron.Customers.Contracts;
using Patron.Engine.Matching;

namespace Patron.Ingestion.Cleaning;

/// <summary>A name with the form of address it came with (王先生 → 王 + 先生), kept because it hints at gender.</summary>
public sealed record PersonName(string Name, string? Honorific);

public static partial class NameCleaning
{
    // Chinese forms of address follow the surname (王先生, 李老师); Latin titles precede the name (Mr. John Smith).
    static readonly string[] ChineseHonorifics = ["先生", "女士", "小姐", "太太", "老师"];

    // Export placeholders for "no name"; a shop would not register a customer literally called 无 or N/A.
    static readonly HashSet<string> Placeholders = new(StringComparer.OrdinalIgnoreCase) { "null", "none", "n/a", "na", "无", "未知", "匿名" };

    /// <summary>NFKC (full-width Ｊｏｈｎ → John), white space collapsed, the honorific split off; digits and punctuation alone are refused.</summary>
    public static Cleaned<PersonName> Clean(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return Cleaned<PersonName>.Empty;
        var basic = Normalise.Name(Nfkc.Of(raw));
        switch (basic.Reason)
        {
            // Only white space once normalised: as good as an empty cell.
            case NormaliseError.Required: return Cleaned<PersonName>.Empty;
            case NormaliseError.TooLong: return Fail(ProblemCode.NameTooLong, basic.Error!, raw, ("max", Normalise.MaxName));
            case NormaliseError.ControlCharacters: return Fail(ProblemCode.NameControlCharacters, basic.Error!, raw);
        }
        var (name, honorific) = Split(basic.Value!);
        name = name.Trim(' ', ',', '，', '.');
        if (name.Length == 0) return Fail(ProblemCode.NameFormOfAddressOnly, "Only a form of address, no name.", raw);
        if (!name.Any(char.IsLetter)) return Fail(ProblemCode.NameNoLetters, "Not a name: only digits, punctuation or symbols.", raw);
        if (Placeholders.Contains(name)) return Fail(ProblemCode.NamePlaceholder, $"'{name}' is a placeholder, not a name.", raw, ("name", name));
        return Cleaned<PersonName>.Ok(new PersonName(name, honorific));
    }

    static Cleaned<PersonName> Fail(ProblemCode code, string text, string raw, params (string, object)[] args) =>
        Cleaned<PersonName>.Fail(RowProblem.Of(code, text, raw.Trim(), args));

    static (string Name, string? Honorific) Split(string s)
    {
        var latin = LatinTitle().Match(s);
        if (latin.Success)
            return (latin.Groups["rest"].Value, Canonical(latin.Groups["title"].Value));
        foreach (var h in ChineseHonorifics)
            if (s.EndsWith(h, StringComparison.Ordinal)) return (s[..^h.Length], h);
        return (s, null);
    }

    static string Canonical(string title) => char.ToUpperInvariant(title[0]) + title[1..].ToLowerInvariant();

    // The dot or a space must follow, so that "Drew" and "Missy" keep their first letters.
    [GeneratedRegex(@"^(?<title>mrs|mr|ms|miss|dr)(?:\.\s*|\s+)(?<rest>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex LatinTitle();
}
