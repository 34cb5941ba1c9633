namespace Patron.Engine.Matching;

/// <summary>
/// The default fields, weights and blocking keys for a set of column roles. Weights are log2 likelihood ratios of the
/// Fellegi-Sunter model, log2(m/u) for agreement and log2((1-m)/(1-u)) for disagreement, with m (how often a true match
/// agrees) and u (how often two different people agree by chance) set by judgement for retail customer data and then
/// checked on FEBRL 1-3 (dedupe); FEBRL 4 and the Chinese set were only used to report (docs/BENCHMARKS.md).
/// </summary>
public static class MatchModel
{
    /// <summary>Scores at or above merge automatically; from Review up to it are queued for a person to decide.</summary>
    public const double DefaultUpper = 12, DefaultReview = 5;

    public static IReadOnlyList<MatchField> Fields(IReadOnlyList<FieldRole> roles) => [.. roles.Select(Field)];

    public static MatchField Field(FieldRole role) => role switch
    {
        FieldRole.FullName => new("name", FieldKind.Name, 7, -4),
        FieldRole.GivenName => new("given_name", FieldKind.Name, 6, -3),
        FieldRole.Surname => new("surname", FieldKind.Name, 7, -3),
        FieldRole.Birthday => new("birthday", FieldKind.Date, 7, -3),
        FieldRole.Mobile => new("mobile", FieldKind.Mobile, 10, -4, Identifier: true),
        FieldRole.Email => new("email", FieldKind.Email, 10, -2, Identifier: true),
        FieldRole.MemberCard => new("member_card", FieldKind.Exact, 12, -1, Identifier: true),
        FieldRole.Address => new("address", FieldKind.Address, 5, -2),
        FieldRole.StreetNumber => new("street_number", FieldKind.Digits, 4, -2),
        FieldRole.AddressLine => new("address_line", FieldKind.Text, 5, -2),
        FieldRole.Suburb => new("suburb", FieldKind.Text, 5, -2),
        FieldRole.Postcode => new("postcode", FieldKind.Digits, 5, -2),
        FieldRole.State => new("state", FieldKind.Exact, 1.5, -2),
        FieldRole.NationalId => new("national_id", FieldKind.Digits, 10, -3),
        FieldRole.Gender => new("gender", FieldKind.Exact, 0.5, -5),
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    /// <summary>
    /// Several keys, each selective on its own, so that a typo in one field still leaves the pair another way in:
    /// identifiers and their tails, the name (phonetic for Latin) with a second field, the birthday with day and
    /// month in either order.
    /// </summary>
    public static IReadOnlyList<BlockingKey> Keys(IReadOnlyList<FieldRole> roles)
    {
        int At(FieldRole r) => Array.IndexOf([.. roles], r);
        var keys = new List<BlockingKey>();
        void Add(string name, params (FieldRole Role, KeyPart Part, int Length)[] parts)
        {
            if (parts.Any(p => At(p.Role) < 0)) return;
            keys.Add(new BlockingKey(name, [.. parts.Select(p => new KeyComponent(At(p.Role), p.Part, p.Length))]));
        }
        Add("mobile last 8", (FieldRole.Mobile, KeyPart.Suffix, 8));
        Add("email mailbox", (FieldRole.Email, KeyPart.Mailbox, 0));
        Add("member card", (FieldRole.MemberCard, KeyPart.Value, 0));
        Add("national id", (FieldRole.NationalId, KeyPart.Value, 0));
        // The name alone makes huge blocks (王伟, 张伟 are shared by thousands in a million customers): with a second field.
        Add("name + birth year", (FieldRole.FullName, KeyPart.Soundex, 0), (FieldRole.Birthday, KeyPart.Year, 0));
        Add("name + address start", (FieldRole.FullName, KeyPart.Soundex, 0), (FieldRole.Address, KeyPart.Prefix, 6));
        Add("family name + mobile last 4", (FieldRole.FullName, KeyPart.Prefix, 1), (FieldRole.Mobile, KeyPart.Suffix, 4));
        Add("family name + birthday", (FieldRole.FullName, KeyPart.Prefix, 1), (FieldRole.Birthday, KeyPart.DayMonthSorted, 0));
        Add("surname + given initial", (FieldRole.Surname, KeyPart.Soundex, 0), (FieldRole.GivenName, KeyPart.Prefix, 1));
        Add("given name + postcode", (FieldRole.GivenName, KeyPart.Soundex, 0), (FieldRole.Postcode, KeyPart.Value, 0));
        Add("birthday + postcode", (FieldRole.Birthday, KeyPart.DayMonthSorted, 0), (FieldRole.Postcode, KeyPart.Value, 0));
        Add("birthday + given name", (FieldRole.Birthday, KeyPart.DayMonthSorted, 0), (FieldRole.GivenName, KeyPart.Soundex, 0));
        Add("birthday + surname initial", (FieldRole.Birthday, KeyPart.DayMonthSorted, 0), (FieldRole.Surname, KeyPart.Prefix, 1));
        Add("street + suburb", (FieldRole.StreetNumber, KeyPart.Value, 0), (FieldRole.Suburb, KeyPart.Prefix, 3));
        if (keys.Count == 0)
            foreach (var (role, i) in roles.Select((r, i) => (r, i)).Where(t => t.r is not FieldRole.Gender and not FieldRole.State))
                keys.Add(new BlockingKey(role.ToString(), [new KeyComponent(i, KeyPart.Value)]));
        return keys;
    }

    /// <summary>
    /// Fields typed into each other's place: given name and surname (FEBRL swaps them, and Chinese customers write
    /// pinyin names family-first or last), and the first two lines of a split address.
    /// </summary>
    public static IReadOnlyList<(int, int)> Swaps(IReadOnlyList<FieldRole> roles)
    {
        var swaps = new List<(int, int)>();
        var (given, surname) = (IndexOf(roles, FieldRole.GivenName), IndexOf(roles, FieldRole.Surname));
        if (given >= 0 && surname >= 0) swaps.Add((given, surname));
        var lines = roles.Select((r, i) => (r, i)).Where(t => t.r == FieldRole.AddressLine).Select(t => t.i).Take(2).ToArray();
        if (lines.Length == 2) swaps.Add((lines[0], lines[1]));
        return swaps;
    }

    static int IndexOf(IReadOnlyList<FieldRole> roles, FieldRole role)
    {
        for (var i = 0; i < roles.Count; i++) if (roles[i] == role) return i;
        return -1;
    }

    public static MatchSettings Settings(IReadOnlyList<FieldRole> roles, double upper = DefaultUpper, double review = DefaultReview, bool oneToOne = false) =>
        new(Keys(roles), upper, review, OneToOne: oneToOne);
}
