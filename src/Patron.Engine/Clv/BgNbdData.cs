using System.Runtime.CompilerServices;

namespace Patron.Engine.Clv;

/// <summary>
/// Customers grouped by identical (x, t_x, T) with a count per group, so that evaluating the likelihood costs
/// one pass over the distinct triples, not over the customers. The distinct values of x, t_x and T are indexed as
/// well: the likelihood computes the Γ and ψ terms once per x and the logarithms once per time value.
/// </summary>
public sealed class BgNbdData
{
    internal int[] XValues { get; }
    internal double[] CountByX { get; }
    internal double[] TValues { get; }
    internal double[] TxValues { get; }
    internal int[] GroupX { get; }
    internal int[] GroupTx { get; }
    internal int[] GroupT { get; }
    internal double[] GroupCount { get; }

    public long Customers { get; }
    public int Groups => GroupCount.Length;

    BgNbdData(int[] x, double[] tx, double[] t, double[] counts, long customers)
    {
        (GroupX, XValues) = Index(x);
        (GroupTx, TxValues) = Index(tx);
        (GroupT, TValues) = Index(t);
        GroupCount = counts;
        CountByX = new double[XValues.Length];
        for (var i = 0; i < counts.Length; i++) CountByX[GroupX[i]] += counts[i];
        Customers = customers;
    }

    /// <summary>
    /// Groups per-customer summaries: x repeat purchases, t_x the time of the last one and T the time of the end of
    /// calibration, both counted from the first purchase. t_x is ignored when x = 0 (the likelihood does not use it).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static BgNbdData Group(ReadOnlySpan<int> x, ReadOnlySpan<double> tx, ReadOnlySpan<double> t)
    {
        if (x.Length != tx.Length || x.Length != t.Length) throw new ArgumentException("x, t_x and T must have the same length.");
        // Open addressing with linear probing, written out: a generic Dictionary over a tuple key would run its first
        // million calls as unoptimised tier-0 code in a one-shot process such as the CLI.
        var mask = 1023;
        var slots = new int[mask + 1];
        var (gx, gtx, gt, count) = (new int[256], new double[256], new double[256], new double[256]);
        var groups = 0;
        for (var i = 0; i < x.Length; i++)
        {
            Validate(x[i], tx[i], t[i], i);
            var (xi, txi, ti) = (x[i], x[i] == 0 ? 0 : tx[i] + 0.0, t[i] + 0.0);   // + 0.0 turns −0 into 0
            var h = Hash(xi, txi, ti) & mask;
            while (slots[h] != 0 && !(gx[slots[h] - 1] == xi && gtx[slots[h] - 1] == txi && gt[slots[h] - 1] == ti)) h = (h + 1) & mask;
            if (slots[h] != 0) { count[slots[h] - 1]++; continue; }
            if (groups == gx.Length)
                (gx, gtx, gt, count) = (Grow(gx), Grow(gtx), Grow(gt), Grow(count));
            (gx[groups], gtx[groups], gt[groups], count[groups]) = (xi, txi, ti, 1);
            slots[h] = ++groups;   // slot values are group + 1, so that 0 means empty
            if (2 * groups > mask) (slots, mask) = Rehash(gx, gtx, gt, groups, 2 * (mask + 1));
        }
        return new BgNbdData(gx[..groups], gtx[..groups], gt[..groups], count[..groups], x.Length);
    }

    static int Hash(int x, double tx, double t)
    {
        var h = (ulong)x * 0x9E3779B97F4A7C15UL ^ (ulong)BitConverter.DoubleToInt64Bits(tx) * 0xC2B2AE3D27D4EB4FUL
            ^ (ulong)BitConverter.DoubleToInt64Bits(t) * 0x165667B19E3779F9UL;
        return (int)(h ^ (h >> 29) ^ (h >> 47)) & int.MaxValue;
    }

    static (int[] Slots, int Mask) Rehash(int[] gx, double[] gtx, double[] gt, int groups, int size)
    {
        var slots = new int[size];
        for (var g = 0; g < groups; g++)
        {
            var h = Hash(gx[g], gtx[g], gt[g]) & (size - 1);
            while (slots[h] != 0) h = (h + 1) & (size - 1);
            slots[h] = g + 1;
        }
        return (slots, size - 1);
    }

    static T[] Grow<T>(T[] a)
    {
        var b = new T[a.Length * 2];
        a.CopyTo(b, 0);
        return b;
    }

    /// <summary>The distinct values in ascending order and each element's position among them.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static (int[] Index, double[] Distinct) Index(double[] values)
    {
        var sorted = (double[])values.Clone();
        Array.Sort(sorted);
        var n = 0;
        for (var i = 0; i < sorted.Length; i++)
            if (i == 0 || sorted[i] != sorted[n - 1]) sorted[n++] = sorted[i];
        var distinct = sorted[..n];
        var index = new int[values.Length];
        for (var i = 0; i < values.Length; i++) index[i] = Array.BinarySearch(distinct, values[i]);
        return (index, distinct);
    }

    static (int[] Index, int[] Distinct) Index(int[] values)
    {
        var (index, distinct) = Index(Array.ConvertAll(values, v => (double)v));
        return (index, Array.ConvertAll(distinct, v => (int)v));
    }

    static void Validate(int x, double tx, double t, int i)
    {
        if (x < 0 || !double.IsFinite(tx) || !double.IsFinite(t) || tx < 0 || t < 0 || (x > 0 && tx > t))
            throw new ArgumentException($"Customer {i}: need x ≥ 0 and 0 ≤ t_x ≤ T, got x = {x}, t_x = {tx}, T = {t}.");
    }
}
