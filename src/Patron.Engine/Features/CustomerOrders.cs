namespace Patron.Engine.Features;

/// <summary>
/// The orders of one or more <see cref="PurchaseColumns"/> partitioned by block of customers for
/// <see cref="FeatureStore.ApplyPurchases(IReadOnlyList{PurchaseColumns})"/>: block b (customers b·4096 onwards) holds
/// Orders[Start[b] .. Start[b + 1]) in batch order, recoded to the store's codes, their lines copied beside them.
/// Partitioning reads the batches front to back and writes a few hundred streams; a block's orders and lines then fit
/// in the processor's cache, so grouping them by customer there costs no memory round trips, where gathering each
/// customer's orders straight from the batches waits on a cache miss per order.
/// </summary>
sealed class CustomerOrders
{
    public const int Bits = 12;

    public CustomerOrders(IReadOnlyList<PurchaseColumns> batches, FeatureStore.BatchCodes[] codes, int customers)
    {
        var blocks = (customers >> Bits) + 1;
        // Write cursors per batch and block, block-major, so each block holds batch 0's orders, then batch 1's.
        var orderAt = new int[batches.Count][];
        var lineAt = new int[batches.Count][];
        for (var b = 0; b < batches.Count; b++)
        {
            (orderAt[b], lineAt[b]) = (new int[blocks], new int[blocks]);
            foreach (ref readonly var o in batches[b].Orders.AsSpan(0, batches[b].Count))
            {
                orderAt[b][o.Customer >> Bits]++;
                lineAt[b][o.Customer >> Bits] += o.LineEnd - o.LineStart;
            }
        }
        Start = new int[blocks + 1];
        var (orders, lines) = (0, 0);
        for (var block = 0; block < blocks; block++)
        {
            Start[block] = orders;
            for (var b = 0; b < batches.Count; b++)
            {
                (orders, orderAt[b][block]) = (orders + orderAt[b][block], orders);
                (lines, lineAt[b][block]) = (lines + lineAt[b][block], lines);
            }
        }
        Start[blocks] = orders;
        Orders = new PurchaseColumns.Order[orders];
        Lines = new PurchaseColumns.Line[lines];
        Parallel.For(0, batches.Count, b => Scatter(batches[b], codes[b], orderAt[b], lineAt[b]));
    }

    /// <summary>Orders of block b are Orders[Start[b] .. Start[b + 1]).</summary>
    public int[] Start { get; }

    public PurchaseColumns.Order[] Orders { get; }

    public PurchaseColumns.Line[] Lines { get; }

    public int Blocks => Start.Length - 1;

    /// <summary>The block that cuts the orders in two halves of about the same size.</summary>
    public int Split()
    {
        var at = Array.BinarySearch(Start, Orders.Length / 2);
        return Math.Clamp(at < 0 ? ~at : at, 0, Blocks);
    }

    /// <summary>
    /// Regroups block <paramref name="block"/> by customer into <paramref name="into"/>: customer (block·4096 + c)'s
    /// orders are into.Orders[into.OrderStart[c] .. into.OrderStart[c + 1]), in batch order, their lines in into.Lines.
    /// The block is read front to back; the writes stay within scratch arrays small enough for the cache.
    /// </summary>
    public void Group(int block, Grouped into)
    {
        var orders = Orders.AsSpan(Start[block], Start[block + 1] - Start[block]);
        var first = block << Bits;
        var (orderStart, lineStart) = (into.OrderStart, into.LineStart);
        Array.Clear(orderStart);
        Array.Clear(lineStart);
        foreach (ref readonly var o in orders)
        {
            orderStart[o.Customer - first + 1]++;
            lineStart[o.Customer - first + 1] += o.LineEnd - o.LineStart;
        }
        for (var c = 1; c < orderStart.Length; c++) (orderStart[c], lineStart[c]) = (orderStart[c] + orderStart[c - 1], lineStart[c] + lineStart[c - 1]);
        if (into.Orders.Length < orders.Length) into.Orders = new PurchaseColumns.Order[orders.Length * 2];
        if (into.Lines.Length < lineStart[^1]) into.Lines = new PurchaseColumns.Line[lineStart[^1] * 2];
        Array.Copy(orderStart, into.NextOrder, into.NextOrder.Length);
        Array.Copy(lineStart, into.NextLine, into.NextLine.Length);
        foreach (ref readonly var o in orders)
        {
            var c = o.Customer - first;
            var at = into.NextLine[c];
            var n = o.LineEnd - o.LineStart;
            Lines.AsSpan(o.LineStart, n).CopyTo(into.Lines.AsSpan(at, n));
            into.NextLine[c] = at + n;
            into.Orders[into.NextOrder[c]++] = o with { LineStart = at, LineEnd = at + n };
        }
    }

    /// <summary>One thread's scratch for <see cref="Group"/>.</summary>
    public sealed class Grouped
    {
        public readonly int[] OrderStart = new int[(1 << Bits) + 1], LineStart = new int[(1 << Bits) + 1];
        public readonly int[] NextOrder = new int[1 << Bits], NextLine = new int[1 << Bits];
        public PurchaseColumns.Order[] Orders = [];
        public PurchaseColumns.Line[] Lines = [];
    }

    void Scatter(PurchaseColumns batch, FeatureStore.BatchCodes map, int[] orderAt, int[] lineAt)
    {
        for (var o = 0; o < batch.Count; o++)
        {
            var order = batch.Orders[o];
            var block = order.Customer >> Bits;
            var start = lineAt[block];
            var line = start;
            for (var l = order.LineStart; l < order.LineEnd; l++)
            {
                var x = batch.Lines[l];
                Lines[line++] = x with { Category = map.Categories[x.Category] };
            }
            lineAt[block] = line;
            Orders[orderAt[block]++] = order with
            {
                Channel = map.Channels[order.Channel],
                Store = order.Store < 0 ? -1 : map.Stores[order.Store],
                LineStart = start,
                LineEnd = line,
            };
        }
    }
}
