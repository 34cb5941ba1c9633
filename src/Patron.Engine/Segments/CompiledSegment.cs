namespace Patron.Engine.Segments;

/// <summary>
/// A rule compiled against one <see cref="FeatureTable"/>, reusable for every evaluation (each live-count
/// keystroke, each refresh). Relative date rules read the as-of day passed in, so one compiled segment serves
/// any day. It reads the table's columns at evaluation time, so values updated in place are seen, with one
/// exception: a <see cref="DateColumn"/> caches month/day for anniversary rules, so replace that column
/// (and recompile) rather than editing its days in place.
/// Evaluations share no mutable state, so concurrent calls are safe while the columns are not being written.
/// </summary>
public sealed class CompiledSegment
{
    readonly Func<DateOnly, Bitset> evaluate;

    internal CompiledSegment(int count, Func<DateOnly, Bitset> evaluate)
    {
        Count = count;
        this.evaluate = evaluate;
    }

    /// <summary>Customers in the table the segment was compiled against.</summary>
    public int Count { get; }

    /// <summary>Members as a bitset over customer positions.</summary>
    public Bitset Evaluate(DateOnly asOf) => evaluate(asOf);

    /// <summary>The live-count path: how many customers match, without building an index list.</summary>
    public int CountMatches(DateOnly asOf) => evaluate(asOf).PopCount();

    /// <summary>Positions of the members, ascending.</summary>
    public int[] Matches(DateOnly asOf) => evaluate(asOf).ToIndices();
}
