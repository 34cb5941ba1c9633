using Patron.Customers.Contracts;
using Patron.Engine.Matching;

namespace Patron.Ingestion.Cleaning;

/// <summary>
/// How a source writes gender as a number. The codes disagree between sources, which is why this is a parameter:
/// <list type="bullet">
/// <item><see cref="OneMaleZeroFemale"/>: 1 = male, 0 = female, as most POS and spreadsheet exports do; it follows the
/// parity rule of the resident ID number, whose 17th digit is odd for men and even for women.</item>
/// <item><see cref="GbT2261"/>: the national standard GB/T 2261.1, also used by WeChat user info: 0 = unknown,
/// 1 = male, 2 = female, 9 = not stated. Here 0 must not be read as female.</item>
/// </list>
/// </summary>
public enum GenderCodes { OneMaleZeroFemale, GbT2261 }

public static class GenderCleaning
{
    static readonly Dictionary<string, Gender> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        ["男"] = Gender.Male, ["男性"] = Gender.Male, ["m"] = Gender.Male, ["male"] = Gender.Male, ["man"] = Gender.Male,
        ["先生"] = Gender.Male,
        ["女"] = Gender.Female, ["女性"] = Gender.Female, ["f"] = Gender.Female, ["female"] = Gender.Female,
        ["woman"] = Gender.Female, ["女士"] = Gender.Female, ["小姐"] = Gender.Female,
        ["未知"] = Gender.Unknown, ["unknown"] = Gender.Unknown, ["保密"] = Gender.Unknown, ["空"] = Gender.Unknown,
        ["不详"] = Gender.Unknown, ["u"] = Gender.Unknown, ["-"] = Gender.Unknown, ["n/a"] = Gender.Unknown,
    };

    /// <summary>A word or code → Male/Female/Unknown. An empty cell is Unknown, not an error; an unrecognised value is refused.</summary>
    public static Cleaned<Gender> Parse(string? raw, GenderCodes codes = GenderCodes.OneMaleZeroFemale)
    {
        if (string.IsNullOrWhiteSpace(raw)) return Cleaned<Gender>.Ok(Gender.Unknown);
        var s = Nfkc.Of(raw).Trim();
        if (Words.TryGetValue(s, out var word)) return Cleaned<Gender>.Ok(word);
        Gender? code = (codes, s) switch
        {
            (_, "1") => Gender.Male,
            (GenderCodes.OneMaleZeroFemale, "0") => Gender.Female,
            (GenderCodes.GbT2261, "0" or "9") => Gender.Unknown,
            (GenderCodes.GbT2261, "2") => Gender.Female,
            _ => null,
        };
        if (code is { } g) return Cleaned<Gender>.Ok(g);
        return Cleaned<Gender>.Fail(s == "2" || s == "9"
            ? RowProblem.Of(ProblemCode.GenderGbT2261Code,
                $"'{s}' is a GB/T 2261.1 gender code (0 unknown, 1 male, 2 female, 9 not stated); parse this source with GenderCodes.GbT2261.", s)
            : RowProblem.Of(ProblemCode.GenderUnknown, $"'{s}' is not a gender: expected 男/女, M/F, male/female, 1/0 or 未知.", s));
    }
}
