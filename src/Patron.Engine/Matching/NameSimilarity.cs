namespace Patron.Engine.Matching;

/// <summary>
/// Name similarity for Chinese and Latin names. Chinese names are compared character by character: a homophone or a
/// typo changes one character of two or three (张伟/张玮), so the edit similarity is what carries meaning, and the
/// character overlap catches reordered characters (张明伟/张伟明). Latin names use Jaro-Winkler; for names of several
/// words the words are also compared in sorted order, so "Wei Zhang" meets "Zhang Wei" (family name first or last).
/// </summary>
public static class NameSimilarity
{
    public static bool IsHan(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uF900' and <= '\uFAFF';

    public static bool HasHan(ReadOnlySpan<char> s)
    {
        foreach (var c in s) if (IsHan(c)) return true;
        return false;
    }

    /// <summary>Similarity in [0, 1]; sortedA and sortedB are the words in sorted order (empty for one-word names).</summary>
    public static double Similarity(ReadOnlySpan<char> a, ReadOnlySpan<char> b, ReadOnlySpan<char> sortedA = default, ReadOnlySpan<char> sortedB = default)
    {
        if (a.SequenceEqual(b)) return 1;
        if (HasHan(a) || HasHan(b)) return Han(a, b);
        var jw = JaroWinkler.Similarity(a, b);
        if (sortedA.Length > 0 && sortedB.Length > 0) jw = Math.Max(jw, JaroWinkler.Similarity(sortedA, sortedB));
        return jw;
    }

    /// <summary>The better of the edit similarity and 0.9 × the character overlap (Dice on the characters as a multiset).</summary>
    public static double Han(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Length == 0 || b.Length == 0) return 0;
        return Math.Max(EditDistance.Similarity(a, b), 0.9 * CharacterDice(a, b));
    }

    /// <summary>2 × common characters / (|a| + |b|), each character of b used at most once; quadratic but names are short.</summary>
    public static double CharacterDice(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Length + b.Length == 0) return 1;
        if (b.Length > 64) return EditDistance.Similarity(a, b);
        Span<bool> used = stackalloc bool[b.Length];
        var common = 0;
        foreach (var c in a)
            for (var j = 0; j < b.Length; j++)
                if (!used[j] && b[j] == c) { used[j] = true; common++; break; }
        return 2.0 * common / (a.Length + b.Length);
    }
}
