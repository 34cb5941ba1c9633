namespace Patron.Engine.Segments;

/// <summary>
/// Tag sets, stored transposed: one bitset of members per tag. "Has tag X" is then a copy of one bitset rather
/// than a search in a million small arrays, and a customer costs one bit per tag in the dictionary.
/// </summary>
public sealed class TagColumn : FeatureColumn
{
    readonly Dictionary<string, int> index;

    public TagColumn(string name, int length, string[] tags, Bitset[] members, string? label = null) : base(name, label)
    {
        if (tags.Length != members.Length) throw new ArgumentException("One member bitset per tag is needed.", nameof(members));
        foreach (var m in members)
            if (m.Length != length) throw new ArgumentException($"A member bitset of {name} does not cover {length} customers.", nameof(members));
        Length = length;
        Tags = tags;
        Members = members;
        index = new Dictionary<string, int>(tags.Length, StringComparer.Ordinal);
        for (var t = 0; t < tags.Length; t++) index.Add(tags[t], t);
    }

    public string[] Tags { get; }

    public Bitset[] Members { get; }

    public override FeatureKind Kind => FeatureKind.Tags;

    public override int Length { get; }

    /// <summary>Builds the column from one tag list per customer (null = no tags).</summary>
    public static TagColumn From(string name, IReadOnlyList<string>?[] sets, string? label = null)
    {
        var tags = new List<string>();
        var members = new List<Bitset>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < sets.Length; i++)
            foreach (var tag in sets[i] ?? [])
            {
                if (!index.TryGetValue(tag, out var t))
                {
                    index.Add(tag, t = tags.Count);
                    tags.Add(tag);
                    members.Add(new Bitset(sets.Length));
                }
                members[t][i] = true;
            }
        return new TagColumn(name, sets.Length, [.. tags], [.. members], label);
    }

    /// <summary>Customers carrying the tag; an unknown tag has no members.</summary>
    public Bitset Having(string tag) => index.TryGetValue(tag, out var t) ? Members[t].Clone() : new Bitset(Length);

    public bool Has(int customer, string tag) => index.TryGetValue(tag, out var t) && Members[t][customer];

    public override Bitset Empty()
    {
        var any = new Bitset(Length);
        foreach (var m in Members) any.OrWith(m);
        any.Invert();
        return any;
    }
}
