namespace Patron.Engine.Matching;

/// <summary>What a part of a blocking key takes from a field's normalised value.</summary>
public enum KeyPart
{
    /// <summary>The whole value.</summary>
    Value,
    /// <summary>The first Length characters.</summary>
    Prefix,
    /// <summary>The last Length characters (the last digits of a mobile).</summary>
    Suffix,
    /// <summary>American Soundex of a Latin value; a Chinese value is taken whole (homophones are different characters).</summary>
    Soundex,
    /// <summary>The year of a yyyyMMdd date.</summary>
    Year,
    /// <summary>Year, then day and month in ascending order: a birthday with day and month swapped gets the same key.</summary>
    DayMonthSorted,
    /// <summary>The mailbox name of an email (before the @).</summary>
    Mailbox,
}

public sealed record KeyComponent(int Field, KeyPart Part, int Length = 0);

/// <summary>Records that agree on every component of a key (none missing) fall in one block and are compared.</summary>
public sealed record BlockingKey(string Name, IReadOnlyList<KeyComponent> Components)
{
    /// <summary>
    /// A 64-bit FNV-1a hash of the record's key, or 0 when a component is missing or too short. Records are blocked by
    /// this hash, so a rare collision only puts two blocks together (more comparisons, never fewer).
    /// </summary>
    public ulong Hash(MatchRecords records, int record)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in Components)
        {
            var v = records.Value(c.Field, record);
            if (v is null) return 0;
            var part = c.Part switch
            {
                KeyPart.Value => v,
                KeyPart.Prefix => v.Length >= c.Length ? v.AsSpan(0, c.Length) : default,
                KeyPart.Suffix => v.Length >= c.Length && !v.AsSpan(v.Length - c.Length).Contains('*') ? v.AsSpan(v.Length - c.Length) : default,
                KeyPart.Soundex => NameSimilarity.HasHan(v) ? v : Phonetic.Soundex(v),
                KeyPart.Year or KeyPart.DayMonthSorted => v.Length == 8 ? v.AsSpan(0, 4) : default,
                KeyPart.Mailbox => v.IndexOf('@') is > 0 and var at ? v.AsSpan(0, at) : default,
                _ => default,
            };
            if (part.IsEmpty) return 0;
            hash = Add(hash, part);
            if (c.Part == KeyPart.DayMonthSorted)
            {
                ReadOnlySpan<char> m = v.AsSpan(4, 2), d = v.AsSpan(6, 2);
                hash = m.SequenceCompareTo(d) <= 0 ? Add(Add(hash, m), d) : Add(Add(hash, d), m);
            }
            hash = Add(hash, "\u001f");
        }
        return hash == 0 ? 1 : hash;
    }

    static ulong Add(ulong hash, ReadOnlySpan<char> text)
    {
        foreach (var c in text) hash = (hash ^ c) * 1099511628211UL;
        return hash;
    }
}
