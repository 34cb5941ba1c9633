using System.Globalization;
using System.Text.RegularExpressions;
using Patron.Engine.Matching;

namespace Patron.Ingestion.Cleaning;

/// <summary>Money as exports write it (¥1,234.50, 1234.5元, RMB 12, １２３．５) → fen, Patron's long minor units.</summary>
public static partial class AmountCleaning
{
    /// <summary>
    /// Parses an amount in yuan to fen. More than two decimals is refused, because a sub-fen amount usually means a
    /// wrong column (a unit price per gram, a rate) rather than money; trailing zeros (12.300) lose nothing and pass.
    /// With <paramref name="roundToFen"/> it is rounded half-up, i.e. half away from zero (0.125 → 13 fen,
    /// -0.125 → -13 fen), the rounding of 四舍五入 and of Chinese invoices.
    /// </summary>
    public static Cleaned<long> ToFen(string? raw, bool roundToFen = false)
    {
        if (string.IsNullOrWhiteSpace(raw)) return Cleaned<long>.Empty;
        // NFKC turns ￥ into ¥ and full-width digits and ．into ASCII.
        var s = Currency().Replace(Nfkc.Of(raw), "");
        s = string.Concat(s.Where(c => !char.IsWhiteSpace(c))).Replace('\u2212', '-');
        var negative = s.StartsWith('-');
        if (negative || s.StartsWith('+')) s = s[1..];
        if (!Number().IsMatch(s))
            return Fail(ProblemCode.AmountInvalid, $"'{raw.Trim()}' is not an amount: expected digits with an optional ',' every three digits and '.' before the fen.", raw);
        // 18 digits of yuan already exceed long fen; checking the length first keeps decimal.Parse from overflowing.
        if (s.Count(char.IsDigit) > 20) return Fail(ProblemCode.AmountTooLarge, $"'{raw.Trim()}' is too large.", raw);
        var yuan = decimal.Parse(s.Replace(",", ""), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        var fen = yuan * 100;
        if (fen != decimal.Truncate(fen))
        {
            if (!roundToFen) return Fail(ProblemCode.AmountSubFen, $"'{raw.Trim()}' has more than two decimals (fen is the smallest unit).", raw);
            fen = Math.Round(fen, MidpointRounding.AwayFromZero);
        }
        if (fen > long.MaxValue) return Fail(ProblemCode.AmountTooLarge, $"'{raw.Trim()}' is too large.", raw);
        return Cleaned<long>.Ok(negative ? -(long)fen : (long)fen);
    }

    static Cleaned<long> Fail(ProblemCode code, string text, string raw) => Cleaned<long>.Fail(RowProblem.Of(code, text, raw.Trim()));

    [GeneratedRegex(@"¥|元|人民币|RMB|CNY", RegexOptions.IgnoreCase)]
    private static partial Regex Currency();

    // Either plain digits or correctly grouped thousands, so that "1,23" (a decimal comma?) is not read as 123.
    [GeneratedRegex(@"^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")]
    private static partial Regex Number();
}
