using System.Text;

namespace Patron.Engine.Matching;

/// <summary>
/// The normal form of a raw value for its <see cref="FieldKind"/>, or null when nothing is left. NFKC first, because
/// Chinese input methods type full-width letters and digits (１３８, Ｚｈａｎｇ) that look right but compare wrong.
/// </summary>
public static class FieldText
{
    public static string? Normalise(FieldKind kind, string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        var s = Nfkc.Of(raw);
        var value = kind switch
        {
            FieldKind.Name or FieldKind.Text => Words(s),
            FieldKind.Address => Keep(s, c => char.IsLetterOrDigit(c)),
            FieldKind.Date => Date(s),
            FieldKind.Digits => Keep(s, char.IsAsciiDigit),
            FieldKind.Mobile => Mobile(s),
            FieldKind.Email or FieldKind.Exact => s.Trim().ToLowerInvariant(),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        return string.IsNullOrEmpty(value) ? null : value;
    }

    /// <summary>Lower-case words separated by one space; Chinese names lose their spaces (张 伟 is 张伟).</summary>
    static string Words(string s)
    {
        var b = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (char.IsLetterOrDigit(c)) b.Append(char.ToLowerInvariant(c));
            else if (b.Length > 0 && b[^1] != ' ') b.Append(' ');
        }
        var words = b.ToString().Trim();
        return NameSimilarity.HasHan(words) ? words.Replace(" ", "") : words;
    }

    static string Keep(string s, Func<char, bool> keep)
    {
        var b = new StringBuilder(s.Length);
        foreach (var c in s) if (keep(c)) b.Append(char.ToLowerInvariant(c));
        return b.ToString();
    }

    /// <summary>The 8 digits yyyyMMdd from 1985-03-05, 1985/3/5 or 19850305; anything else is kept as its digits.</summary>
    static string Date(string s)
    {
        var parts = s.Split(['-', '/', '.', ' ', '年', '月', '日'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 3 && parts[0].Length == 4 && parts.All(p => p.All(char.IsAsciiDigit) && p.Length <= 4))
            return parts[0] + parts[1].PadLeft(2, '0') + parts[2].PadLeft(2, '0');
        return Keep(s, char.IsAsciiDigit);
    }

    /// <summary>Digits and the masking star; the country code of a Chinese mobile (86, 0086, +86) is dropped.</summary>
    static string Mobile(string s)
    {
        var d = Keep(s, c => char.IsAsciiDigit(c) || c == '*');
        if (d.Length == 15 && d.StartsWith("0086", StringComparison.Ordinal)) d = d[4..];
        else if (d.Length == 13 && d.StartsWith("86", StringComparison.Ordinal)) d = d[2..];
        return d;
    }

    /// <summary>Words in sorted order, or null for a name of fewer than two words (nothing to reorder).</summary>
    public static string? SortedWords(string? words)
    {
        if (words is null || !words.Contains(' ')) return null;
        var parts = words.Split(' ');
        Array.Sort(parts, StringComparer.Ordinal);
        return string.Join(' ', parts);
    }

    /// <summary>Sorted distinct hashes of the character bigrams (a single character for a one-character value).</summary>
    public static int[] Bigrams(string? s)
    {
        if (s is null) return [];
        if (s.Length == 1) return [s[0]];
        var grams = new int[s.Length - 1];
        for (var i = 0; i + 1 < s.Length; i++) grams[i] = (s[i] << 16) | s[i + 1];
        Array.Sort(grams);
        var n = 0;
        for (var i = 0; i < grams.Length; i++) if (n == 0 || grams[n - 1] != grams[i]) grams[n++] = grams[i];
        return n == grams.Length ? grams : grams[..n];
    }
}
