using System.Runtime.CompilerServices;

namespace Patron.Engine.Segments;

/// <summary>
/// Scans a column into a bitset, 64 customers per word. Each test is a struct, so the JIT specialises
/// <see cref="Run{T}"/> per test and inlines it: no delegate or virtual call per customer, and the bit is
/// set without a branch, so skewed data costs no mispredictions.
/// </summary>
static class ColumnScan
{
    internal interface ITest
    {
        bool Test(int row);
    }

    public static Bitset Run<T>(int length, T test) where T : struct, ITest
    {
        var words = new ulong[(length + 63) >> 6];
        for (var w = 0; w < words.Length; w++)
        {
            var start = w << 6;
            var end = Math.Min(start + 64, length);
            ulong bits = 0;
            for (var i = start; i < end; i++)
                bits |= (ulong)Unsafe.BitCast<bool, byte>(test.Test(i)) << (i - start);
            words[w] = bits;
        }
        return new Bitset(length, words);
    }

    /// <summary>low ≤ x ≤ high; NaN (missing) fails both comparisons, so it never matches.</summary>
    public readonly struct DoubleRange(double[] values, double low, double high) : ITest
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool Test(int row) { var x = values[row]; return x >= low & x <= high; }
    }

    public readonly struct IsNaN(double[] values) : ITest
    {
        public bool Test(int row) => double.IsNaN(values[row]);
    }

    /// <summary>low ≤ x ≤ high on day numbers; callers keep low above <see cref="DateColumn.Missing"/>.</summary>
    public readonly struct IntRange(int[] values, int low, int high) : ITest
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool Test(int row) => (uint)(values[row] - low) <= (uint)(high - low);
    }

    public readonly struct IntEquals(int[] values, int value) : ITest
    {
        public bool Test(int row) => values[row] == value;
    }

    public readonly struct NegativeCode(int[] codes) : ITest
    {
        public bool Test(int row) => codes[row] < 0;
    }

    /// <summary>accept[code]; negative codes (missing) fall outside the table and never match.</summary>
    public readonly struct CodeIn(int[] codes, bool[] accept) : ITest
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool Test(int row) { var c = codes[row]; return (uint)c < (uint)accept.Length && accept[c]; }
    }

    /// <summary>accept[month*32+day]; index 0 is a missing date and is never accepted.</summary>
    public readonly struct MonthDayIn(short[] monthDays, bool[] accept) : ITest
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool Test(int row) => accept[monthDays[row]];
    }
}
