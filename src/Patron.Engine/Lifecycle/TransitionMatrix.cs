using System.Runtime.InteropServices;

namespace Patron.Engine.Lifecycle;

/// <summary>
/// How many customers moved from each class at an earlier date to each class at a later one: the data behind the
/// lifecycle funnel and the month-over-month transition matrix. Rows are the earlier class, columns the later,
/// both indexed by the enum code. Pass the same customers in the same order at both dates; a customer who did
/// not exist yet at the earlier date belongs to neither array (or counts as a prospect, if the page wants sign-ups).
/// </summary>
public sealed class TransitionMatrix
{
    readonly int[,] counts;

    TransitionMatrix(int[,] counts) => this.counts = counts;

    public int Size => counts.GetLength(0);

    public int this[int from, int to] => counts[from, to];

    public int Total => counts.Cast<int>().Sum();

    public int FromTotal(int from) => Enumerable.Range(0, Size).Sum(to => counts[from, to]);

    public int ToTotal(int to) => Enumerable.Range(0, Size).Sum(from => counts[from, to]);

    public int Count(LifecycleState from, LifecycleState to) => counts[(int)from, (int)to];

    public int Count(LifecycleStage from, LifecycleStage to) => counts[(int)from, (int)to];

    public static TransitionMatrix Of(ReadOnlySpan<LifecycleState> before, ReadOnlySpan<LifecycleState> after) =>
        Of(MemoryMarshal.AsBytes(before), MemoryMarshal.AsBytes(after), LifecycleNames.States.Count);

    public static TransitionMatrix Of(ReadOnlySpan<LifecycleStage> before, ReadOnlySpan<LifecycleStage> after) =>
        Of(MemoryMarshal.AsBytes(before), MemoryMarshal.AsBytes(after), LifecycleNames.Stages.Count);

    /// <summary>Any byte-coded classes 0 … size − 1, e.g. tiers or RFM segments.</summary>
    public static TransitionMatrix Of(ReadOnlySpan<byte> before, ReadOnlySpan<byte> after, int size)
    {
        if (before.Length != after.Length)
            throw new ArgumentException($"Both dates need the same customers (got {before.Length} and {after.Length}).");
        var counts = new int[size, size];
        for (var i = 0; i < before.Length; i++)
        {
            if (before[i] >= size || after[i] >= size)
                throw new ArgumentOutOfRangeException(nameof(before), $"Customer {i} has a class code outside 0 … {size - 1}.");
            counts[before[i], after[i]]++;
        }
        return new TransitionMatrix(counts);
    }
}
