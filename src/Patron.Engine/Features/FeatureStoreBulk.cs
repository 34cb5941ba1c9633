namespace Patron.Engine.Features;

/// <summary>
/// Many orders at once (<see cref="PurchaseColumns"/>), with the same result as <see cref="ApplyPurchase"/> called for
/// each in turn. One order at a time touches its customer in some fifty columns of a million entries each (a cache miss
/// per column) and reallocates the customer's purchase days. Here the orders are indexed by block of customers
/// (<see cref="CustomerOrders"/>), grouped by customer within each block, and each customer's orders are summed in small
/// scratch arrays and written once per column, customers in position order: every column is walked front to back.
/// Customers are independent, so two halves of the blocks are applied on two threads.
/// </summary>
public sealed partial class FeatureStore
{
    /// <summary>
    /// Applies every order of <paramref name="batch"/> as <see cref="ApplyPurchase"/> would, in the batch's order per
    /// customer; new names get their codes in order of first use, as one at a time. The customers must be held already
    /// (positions below <see cref="Count"/>). Outside bulk mode the customers who bought are re-derived.
    /// </summary>
    public void ApplyPurchases(PurchaseColumns batch) => ApplyPurchases([batch]);

    /// <summary>
    /// <see cref="ApplyPurchases(PurchaseColumns)"/> for batches that follow each other (e.g. the halves of a file read
    /// on two threads): the same as applying them in turn, in one pass over the columns.
    /// </summary>
    public void ApplyPurchases(IReadOnlyList<PurchaseColumns> batches)
    {
        ArgumentNullException.ThrowIfNull(batches);
        var codes = new BatchCodes[batches.Count];
        for (var b = 0; b < batches.Count; b++) codes[b] = CodeBatch(batches[b]);
        var blocks = new CustomerOrders(batches, codes, Count);
        var split = blocks.Split();
        Parallel.For(0, 2, half =>
        {
            var (sums, grouped) = (new CustomerSums(this), new CustomerOrders.Grouped());
            var (from, to) = half == 0 ? (0, split) : (split, blocks.Blocks);
            for (var block = from; block < to; block++)
            {
                if (blocks.Start[block] == blocks.Start[block + 1]) continue;
                blocks.Group(block, grouped);
                var first = block << CustomerOrders.Bits;
                for (var c = 0; c + 1 < grouped.OrderStart.Length; c++)
                {
                    var (at, end) = (grouped.OrderStart[c], grouped.OrderStart[c + 1]);
                    if (at == end) continue;
                    sums.Apply(first + c, grouped.Orders.AsSpan(at, end - at), grouped.Lines);
                    if (!bulk) Refresh(first + c);
                }
            }
        });
    }

    /// <summary>The store's codes for one batch's channel, store and category codes.</summary>
    internal sealed record BatchCodes(int[] Channels, int[] Stores, int[] Categories);

    /// <summary>
    /// The store's codes for the batch's names, assigned in the order the orders use them (channel, store, then the
    /// categories of each order), as <see cref="ApplyPurchase"/> would; new columns are made here, before any thread writes.
    /// </summary>
    BatchCodes CodeBatch(PurchaseColumns batch)
    {
        var channelOf = Unassigned(batch.Channels.Count);
        var storeOf = Unassigned(batch.Stores.Count);
        var categoryOf = Unassigned(batch.Categories.Count);
        var lines = batch.Lines;
        for (var o = 0; o < batch.Count; o++)
        {
            ref readonly var order = ref batch.Orders[o];
            if ((uint)order.Customer >= (uint)Count)
                throw new ArgumentException($"Order {o} is for customer position {order.Customer}, but the store holds {Count} customers.", nameof(batch));
            if (channelOf[order.Channel] < 0) channelOf[order.Channel] = ChannelCode(batch.Channels[order.Channel]);
            if (order.Store >= 0 && storeOf[order.Store] < 0) storeOf[order.Store] = Code(stores, batch.Stores[order.Store]);
            for (var l = order.LineStart; l < order.LineEnd; l++)
                if (categoryOf[lines[l].Category] < 0) categoryOf[lines[l].Category] = CategoryCode(batch.Categories[lines[l].Category]);
        }
        return new BatchCodes(channelOf, storeOf, categoryOf);
    }

    static int[] Unassigned(int n)
    {
        var codes = new int[n];
        Array.Fill(codes, -1);
        return codes;
    }
}
