using System.Numerics;

namespace Patron.Engine.Segments;

/// <summary>
/// One bit per customer index. Segment evaluation scans each condition into a bitset and combines them word by
/// word, so a group of ten conditions over a million customers is ten column scans plus a few thousand word ops.
/// Invariant: bits at or beyond <see cref="Length"/> in the last word are always zero, so counts stay exact.
/// </summary>
public sealed class Bitset
{
    readonly ulong[] words;

    public Bitset(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        Length = length;
        words = new ulong[(length + 63) >> 6];
    }

    internal Bitset(int length, ulong[] words)
    {
        Length = length;
        this.words = words;
    }

    public int Length { get; }

    internal ulong[] Words => words;

    public bool this[int index]
    {
        get => (words[index >> 6] >> (index & 63) & 1) != 0;
        set
        {
            if ((uint)index >= (uint)Length) throw new ArgumentOutOfRangeException(nameof(index));
            if (value) words[index >> 6] |= 1UL << (index & 63);
            else words[index >> 6] &= ~(1UL << (index & 63));
        }
    }

    public Bitset Clone() => new(Length, (ulong[])words.Clone());

    public void AndWith(Bitset other)
    {
        CheckSameLength(other);
        var o = other.words;
        for (var i = 0; i < words.Length; i++) words[i] &= o[i];
    }

    public void OrWith(Bitset other)
    {
        CheckSameLength(other);
        var o = other.words;
        for (var i = 0; i < words.Length; i++) words[i] |= o[i];
    }

    public void Invert()
    {
        for (var i = 0; i < words.Length; i++) words[i] = ~words[i];
        ClearTail();
    }

    public void SetAll()
    {
        Array.Fill(words, ulong.MaxValue);
        ClearTail();
    }

    /// <summary>The count-only path: a popcount per word, no index list.</summary>
    public int PopCount()
    {
        var count = 0;
        foreach (var w in words) count += BitOperations.PopCount(w);
        return count;
    }

    /// <summary>Indices of the set bits, ascending.</summary>
    public int[] ToIndices()
    {
        var result = new int[PopCount()];
        var n = 0;
        for (var i = 0; i < words.Length; i++)
            for (var w = words[i]; w != 0; w &= w - 1)
                result[n++] = (i << 6) + BitOperations.TrailingZeroCount(w);
        return result;
    }

    void ClearTail()
    {
        var rest = Length & 63;
        if (rest != 0) words[^1] &= (1UL << rest) - 1;
    }

    void CheckSameLength(Bitset other)
    {
        if (other.Length != Length) throw new ArgumentException($"Bitset lengths differ: {Length} and {other.Length}.");
    }
}
