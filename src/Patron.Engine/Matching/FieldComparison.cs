namespace Patron.Engine.Matching;

/// <summary>
/// The agreement level in [0, 1] of two normalised values of one kind: 1 agrees fully, 0 disagrees, values between are
/// partial agreements (Winkler's partial-agreement weights). No allocation: these run inside the pair loop.
/// </summary>
public static class FieldComparison
{
    /// <summary>Jaro-Winkler at or below this disagrees fully; at or above <see cref="StringHigh"/> agrees fully.</summary>
    public const double StringLow = 0.75, StringHigh = 0.96;

    public static double Name(string a, string b, string? sortedA, string? sortedB)
    {
        if (NameSimilarity.HasHan(a) || NameSimilarity.HasHan(b))
            // One character in two differs: half; one in three: two thirds.
            return NameSimilarity.Han(a, b);
        return Scale(NameSimilarity.Similarity(a, b, sortedA, sortedB));
    }

    public static double Text(string a, string b) => Scale(JaroWinkler.Similarity(a, b));

    static double Scale(double similarity) => Math.Clamp((similarity - StringLow) / (StringHigh - StringLow), 0, 1);

    /// <summary>Dice of the bigram sets; 0.4 or less disagrees, 0.9 or more agrees.</summary>
    public static double Address(int[] a, int[] b)
    {
        if (a.Length == 0 || b.Length == 0) return 0;
        int i = 0, j = 0, common = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j]) { common++; i++; j++; }
            else if (a[i] < b[j]) i++;
            else j++;
        }
        var dice = 2.0 * common / (a.Length + b.Length);
        return Math.Clamp((dice - 0.4) / 0.5, 0, 1);
    }

    /// <summary>
    /// Equal: 1. Day and month swapped (05/03 read as 03/05): 0.7. One digit off or two adjacent digits swapped
    /// (a typing slip): 0.5. Only the year and month, or year and day, left as they were: 0.2.
    /// </summary>
    public static double Date(string a, string b)
    {
        if (a == b) return 1;
        if (a.Length != 8 || b.Length != 8) return 0;
        var ay = a.AsSpan(0, 4);
        if (ay.SequenceEqual(b.AsSpan(0, 4)) && a.AsSpan(4, 2).SequenceEqual(b.AsSpan(6, 2)) && a.AsSpan(6, 2).SequenceEqual(b.AsSpan(4, 2))) return 0.7;
        if (OneSlip(a, b)) return 0.5;
        if (ay.SequenceEqual(b.AsSpan(0, 4)) && (a.AsSpan(4, 2).SequenceEqual(b.AsSpan(4, 2)) || a.AsSpan(6, 2).SequenceEqual(b.AsSpan(6, 2)))) return 0.2;
        return 0;
    }

    /// <summary>Equal: 1. One digit off, one swap, one digit missing or extra: 0.6.</summary>
    public static double Digits(string a, string b) => a == b ? 1 : OneSlip(a, b) ? 0.6 : 0;

    /// <summary>
    /// Equal: 1. A masked number (138****8000) whose visible digits all agree: 0.8. One digit off: 0.7. Otherwise the
    /// same last 4 to 10 digits: from 0.2 for 4 rising to 0.6 (a shared landline extension or a recycled number stays low).
    /// </summary>
    public static double Mobile(string a, string b)
    {
        if (a == b) return 1;
        if (a.Length == b.Length && (a.Contains('*') || b.Contains('*')))
        {
            for (var i = 0; i < a.Length; i++)
                if (a[i] != b[i] && a[i] != '*' && b[i] != '*') return 0;
            return 0.8;
        }
        if (OneSlip(a, b)) return 0.7;
        var same = 0;
        while (same < a.Length && same < b.Length && a[^(same + 1)] == b[^(same + 1)]) same++;
        return same < 4 ? 0 : 0.2 + 0.4 * Math.Min(6, same - 4) / 6;
    }

    /// <summary>Equal: 1. The same mailbox name at another domain: 0.7. A mailbox name one slip away: 0.5.</summary>
    public static double Email(string a, string b)
    {
        if (a == b) return 1;
        var at = a.LastIndexOf('@');
        var bt = b.LastIndexOf('@');
        var la = at < 0 ? a.AsSpan() : a.AsSpan(0, at);
        var lb = bt < 0 ? b.AsSpan() : b.AsSpan(0, bt);
        if (la.SequenceEqual(lb)) return 0.7;
        return OneSlip(a, b) ? 0.5 : 0;
    }

    /// <summary>
    /// Edit distance exactly 1 (one substitution, adjacent swap, insertion or deletion), decided without the full
    /// distance table: most pairs in the loop differ in length or in many places, and this answers them in one pass.
    /// </summary>
    public static bool OneSlip(string a, string b)
    {
        if (a.Length == b.Length)
        {
            var first = -1;
            var differences = 0;
            for (var i = 0; i < a.Length; i++)
            {
                if (a[i] == b[i]) continue;
                if (++differences > 2) return false;
                if (first < 0) first = i;
            }
            if (differences == 1) return true;
            return differences == 2 && a[first] == b[first + 1] && a[first + 1] == b[first];
        }
        return Math.Abs(a.Length - b.Length) == 1 && EditDistance.Distance(a, b) == 1;
    }

    public static double Exact(string a, string b) => a == b ? 1 : 0;
}
