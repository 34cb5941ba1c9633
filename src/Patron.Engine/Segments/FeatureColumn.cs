namespace Patron.Engine.Segments;

/// <summary>What a column holds, which decides the operators a rule may use on it.</summary>
public enum FeatureKind
{
    /// <summary>Numbers (counts, amounts, shares, days); <see cref="double.NaN"/> marks a missing value.</summary>
    Numeric,
    /// <summary>One value from a small dictionary per customer (gender, city, lifecycle state, RFM segment).</summary>
    Category,
    /// <summary>A set of tags per customer; an empty set is a value, not a missing one.</summary>
    Tags,
    /// <summary>A calendar date per customer as a day number, for relative date rules.</summary>
    Date,
}

/// <summary>
/// One named feature over the N customers of a <see cref="FeatureTable"/>, indexed by customer position.
/// <see cref="Label"/> is the name a marketer sees (e.g. 消费金额); validation messages show both.
/// </summary>
public abstract class FeatureColumn(string name, string? label)
{
    public string Name { get; } = string.IsNullOrWhiteSpace(name) ? throw new ArgumentException("A column needs a name.", nameof(name)) : name;

    public string? Label { get; } = label;

    public abstract FeatureKind Kind { get; }

    /// <summary>Number of customers the column covers.</summary>
    public abstract int Length { get; }

    /// <summary>"消费金额 (monetary)" when labelled, else the bare name.</summary>
    public string DisplayName => Label is null ? Name : $"{Label} ({Name})";

    /// <summary>Customers with no value; for tags, customers with no tag.</summary>
    public abstract Bitset Empty();
}
