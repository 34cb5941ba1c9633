namespace Patron.Engine.Matching;

/// <summary>
/// Jaro-Winkler similarity (Winkler 1990, "String comparator metrics and enhanced decision rules in the
/// Fellegi-Sunter model of record linkage"): Jaro's matching characters within a window of max(|a|,|b|)/2 - 1 and
/// half-transpositions, then a bonus of 0.1 per common leading character (at most 4). Ordinal, no allocation:
/// the match flags live on the stack, so the comparison loop can call it millions of times.
/// </summary>
public static class JaroWinkler
{
    const int StackLimit = 256;

    public static double Similarity(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        var jaro = Jaro(a, b);
        if (jaro <= 0.7) return jaro; // Winkler boosts only strings that already look alike.
        var prefix = 0;
        for (var limit = Math.Min(4, Math.Min(a.Length, b.Length)); prefix < limit && a[prefix] == b[prefix]; prefix++) { }
        return jaro + prefix * 0.1 * (1 - jaro);
    }

    public static double Jaro(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Length == 0 || b.Length == 0) return a.Length == b.Length ? 1 : 0;
        if (a.SequenceEqual(b)) return 1;
        if (a.Length + b.Length > StackLimit) return JaroLong(a, b);
        Span<bool> flags = stackalloc bool[a.Length + b.Length];
        return Jaro(a, b, flags);
    }

    static double JaroLong(ReadOnlySpan<char> a, ReadOnlySpan<char> b) => Jaro(a, b, new bool[a.Length + b.Length]);

    static double Jaro(ReadOnlySpan<char> a, ReadOnlySpan<char> b, Span<bool> flags)
    {
        var aFlags = flags[..a.Length];
        var bFlags = flags[a.Length..];
        var window = Math.Max(0, Math.Max(a.Length, b.Length) / 2 - 1);
        var matches = 0;
        for (var i = 0; i < a.Length; i++)
        {
            var from = Math.Max(0, i - window);
            var to = Math.Min(b.Length - 1, i + window);
            for (var j = from; j <= to; j++)
            {
                if (bFlags[j] || a[i] != b[j]) continue;
                aFlags[i] = bFlags[j] = true;
                matches++;
                break;
            }
        }
        if (matches == 0) return 0;
        var halfTranspositions = 0;
        for (int i = 0, k = 0; i < a.Length; i++)
        {
            if (!aFlags[i]) continue;
            while (!bFlags[k]) k++;
            if (a[i] != b[k]) halfTranspositions++;
            k++;
        }
        double m = matches;
        return (m / a.Length + m / b.Length + (m - halfTranspositions / 2) / m) / 3;
    }
}
