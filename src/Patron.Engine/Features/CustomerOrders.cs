namespace Patron.Engine.Features;

/// <summary>
/// The orders of one or more <see cref="PurchaseColumns"/> regrouped by customer for
/// <see cref="FeatureStore.ApplyPurchases(IReadOnlyList{PurchaseColumns})"/>: customer i's orders are
/// Orders[Start[i] .. Start[i + 1]), in batch order, with the store's codes, and their lines are contiguous in Lines.
/// Copying is a loop of independent loads (the processor overlaps their cache misses) where summing the customer while
/// reading the orders in place would wait on each miss in turn.
/// </summary>
sealed class CustomerOrders
{
    readonly IReadOnlyList<PurchaseColumns> batches;
    readonly int[] offsets; // batch b's orders are global numbers offsets[b] .. offsets[b + 1]
    readonly int[] byCustomer; // global order numbers grouped by customer
    readonly int[] lineStart; // customer i's lines start at lineStart[i] in Lines

    public CustomerOrders(IReadOnlyList<PurchaseColumns> batches, int customers)
    {
        this.batches = batches;
        offsets = new int[batches.Count + 1];
        for (var b = 0; b < batches.Count; b++) offsets[b + 1] = offsets[b] + batches[b].Count;
        Start = new int[customers + 1];
        lineStart = new int[customers + 1];
        foreach (var batch in batches)
            foreach (ref readonly var o in batch.Orders.AsSpan(0, batch.Count))
            {
                Start[o.Customer + 1]++;
                lineStart[o.Customer + 1] += o.LineEnd - o.LineStart;
            }
        for (var i = 0; i < customers; i++) (Start[i + 1], lineStart[i + 1]) = (Start[i + 1] + Start[i], lineStart[i + 1] + lineStart[i]);
        byCustomer = new int[offsets[^1]];
        var next = Start.AsSpan(0, customers).ToArray();
        for (var b = 0; b < batches.Count; b++)
        {
            var orders = batches[b].Orders;
            for (var o = 0; o < batches[b].Count; o++) byCustomer[next[orders[o].Customer]++] = offsets[b] + o;
        }
        Orders = new PurchaseColumns.Order[offsets[^1]];
        Lines = new PurchaseColumns.Line[lineStart[customers]];
    }

    public int[] Start { get; }

    public PurchaseColumns.Order[] Orders { get; }

    public PurchaseColumns.Line[] Lines { get; }

    /// <summary>The customer that cuts the orders in two halves of about the same size.</summary>
    public int Split()
    {
        var at = Array.BinarySearch(Start, Orders.Length / 2);
        return Math.Clamp(at < 0 ? ~at : at, 0, Start.Length - 1);
    }

    /// <summary>Copies the orders and lines of customers [<paramref name="from"/>, <paramref name="to"/>), recoded.</summary>
    public void Copy(int from, int to, FeatureStore.BatchCodes[] codes)
    {
        var (first, end) = (Start[from], Start[to]);
        var source = new int[end - first]; // the batch of each copied order
        for (var k = first; k < end; k++)
        {
            var g = byCustomer[k];
            var b = 0;
            while (g >= offsets[b + 1]) b++;
            Orders[k] = batches[b].Orders[g - offsets[b]];
            source[k - first] = b;
        }
        var line = lineStart[from];
        for (var k = first; k < end; k++)
        {
            var b = source[k - first];
            var (batch, map) = (batches[b], codes[b]);
            ref var o = ref Orders[k];
            var start = line;
            for (var l = o.LineStart; l < o.LineEnd; l++)
            {
                var x = batch.Lines[l];
                Lines[line++] = x with { Category = map.Categories[x.Category] };
            }
            (o.LineStart, o.LineEnd) = (start, line);
            o.Channel = map.Channels[o.Channel];
            if (o.Store >= 0) o.Store = map.Stores[o.Store];
        }
    }
}
