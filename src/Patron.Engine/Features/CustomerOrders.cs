namespace Patron.Engine.Features;

/// <summary>
/// The orders of one or more <see cref="PurchaseColumns"/> indexed by block of customers for
/// <see cref="FeatureStore.ApplyPurchases(IReadOnlyList{PurchaseColumns})"/>: block b (customers b·4096 onwards) has
/// the order numbers Index[Start[b] .. Start[b + 1]), in batch order (order o of batch k is number Offsets[k] + o).
/// <see cref="Group"/> then copies one block's orders and lines, grouped by customer and recoded to the store's codes,
/// into scratch arrays small enough for the processor's cache. Only the index is as long as the batches: copying the
/// batches whole (400 MB for 5M orders and 20M lines) cost more in page faults than the reads it saved.
/// </summary>
sealed class CustomerOrders
{
    public const int Bits = 12;
    readonly IReadOnlyList<PurchaseColumns> batches;
    readonly FeatureStore.BatchCodes[] codes;
    readonly int[] offsets;
    readonly int[] index;

    public CustomerOrders(IReadOnlyList<PurchaseColumns> batches, FeatureStore.BatchCodes[] codes, int customers)
    {
        (this.batches, this.codes) = (batches, codes);
        var blocks = (customers >> Bits) + 1;
        offsets = new int[batches.Count + 1];
        for (var b = 0; b < batches.Count; b++) offsets[b + 1] = offsets[b] + batches[b].Count;
        Start = new int[blocks + 1];
        foreach (var batch in batches)
            foreach (ref readonly var o in batch.Orders.AsSpan(0, batch.Count)) Start[(o.Customer >> Bits) + 1]++;
        for (var block = 0; block < blocks; block++) Start[block + 1] += Start[block];
        index = new int[offsets[^1]];
        var next = Start[..^1];
        for (var b = 0; b < batches.Count; b++)
        {
            var orders = batches[b].Orders;
            for (var o = 0; o < batches[b].Count; o++) index[next[orders[o].Customer >> Bits]++] = offsets[b] + o;
        }
    }

    /// <summary>Block b's orders are Index[Start[b] .. Start[b + 1]).</summary>
    public int[] Start { get; }

    public int Blocks => Start.Length - 1;

    /// <summary>The block that cuts the orders in two halves of about the same size.</summary>
    public int Split()
    {
        var at = Array.BinarySearch(Start, index.Length / 2);
        return Math.Clamp(at < 0 ? ~at : at, 0, Blocks);
    }

    /// <summary>
    /// Groups block <paramref name="block"/> by customer into <paramref name="into"/>: customer (block·4096 + c)'s
    /// orders are into.Orders[into.OrderStart[c] .. into.OrderStart[c + 1]), in batch order, their lines in into.Lines,
    /// all with the store's codes. The reads from the batches are independent of each other (the processor overlaps
    /// their cache misses); the writes stay within the scratch arrays.
    /// </summary>
    public void Group(int block, Grouped into)
    {
        var numbers = index.AsSpan(Start[block], Start[block + 1] - Start[block]);
        var first = block << Bits;
        var (orderStart, lineStart) = (into.OrderStart, into.LineStart);
        Array.Clear(orderStart);
        Array.Clear(lineStart);
        if (into.Read.Length < numbers.Length) (into.Read, into.Batch) = (new PurchaseColumns.Order[numbers.Length * 2], new int[numbers.Length * 2]);
        for (var k = 0; k < numbers.Length; k++)
        {
            var b = 0;
            while (numbers[k] >= offsets[b + 1]) b++;
            var o = batches[b].Orders[numbers[k] - offsets[b]];
            (into.Read[k], into.Batch[k]) = (o, b);
            orderStart[o.Customer - first + 1]++;
            lineStart[o.Customer - first + 1] += o.LineEnd - o.LineStart;
        }
        for (var c = 1; c < orderStart.Length; c++) (orderStart[c], lineStart[c]) = (orderStart[c] + orderStart[c - 1], lineStart[c] + lineStart[c - 1]);
        if (into.Orders.Length < numbers.Length) into.Orders = new PurchaseColumns.Order[numbers.Length * 2];
        if (into.Lines.Length < lineStart[^1]) into.Lines = new PurchaseColumns.Line[lineStart[^1] * 2];
        Array.Copy(orderStart, into.NextOrder, into.NextOrder.Length);
        Array.Copy(lineStart, into.NextLine, into.NextLine.Length);
        for (var k = 0; k < numbers.Length; k++)
        {
            var o = into.Read[k];
            var (lines, map) = (batches[into.Batch[k]].Lines, codes[into.Batch[k]]);
            var c = o.Customer - first;
            var at = into.NextLine[c];
            var end = at;
            for (var l = o.LineStart; l < o.LineEnd; l++) into.Lines[end++] = lines[l] with { Category = map.Categories[lines[l].Category] };
            into.NextLine[c] = end;
            into.Orders[into.NextOrder[c]++] = o with
            {
                Channel = map.Channels[o.Channel],
                Store = o.Store < 0 ? -1 : map.Stores[o.Store],
                LineStart = at,
                LineEnd = end,
            };
        }
    }

    /// <summary>One thread's scratch for <see cref="Group"/>.</summary>
    public sealed class Grouped
    {
        public readonly int[] OrderStart = new int[(1 << Bits) + 1], LineStart = new int[(1 << Bits) + 1];
        public readonly int[] NextOrder = new int[1 << Bits], NextLine = new int[1 << Bits];
        public PurchaseColumns.Order[] Orders = [], Read = [];
        public PurchaseColumns.Line[] Lines = [];
        public int[] Batch = [];
    }
}
