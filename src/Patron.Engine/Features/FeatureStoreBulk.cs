namespace Patron.Engine.Features;

/// <summary>
/// Many orders at once (<see cref="PurchaseColumns"/>), with the same result as <see cref="ApplyPurchase"/> called for
/// each in turn. One order at a time touches its customer in some fifty columns of a million entries each (a cache miss
/// per column) and reallocates the customer's purchase days. Here the orders are partitioned by block of customers
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
            var sums = new CustomerSums(this, blocks.Lines);
            var (from, to) = half == 0 ? (0, split) : (split, blocks.Blocks);
            var customerStart = new int[(1 << CustomerOrders.Bits) + 1];
            var byCustomer = Array.Empty<PurchaseColumns.Order>();
            for (var block = from; block < to; block++)
            {
                // Within the block (in cache): a stable counting sort of its orders by customer.
                var orders = blocks.Orders.AsSpan(blocks.Start[block], blocks.Start[block + 1] - blocks.Start[block]);
                if (orders.IsEmpty) continue;
                var first = block << CustomerOrders.Bits;
                Array.Clear(customerStart);
                foreach (ref readonly var o in orders) customerStart[o.Customer - first + 1]++;
                for (var c = 1; c < customerStart.Length; c++) customerStart[c] += customerStart[c - 1];
                if (byCustomer.Length < orders.Length) byCustomer = new PurchaseColumns.Order[orders.Length * 2];
                var next = customerStart[..^1];
                foreach (ref readonly var o in orders) byCustomer[next[o.Customer - first]++] = o;
                for (var c = 0; c + 1 < customerStart.Length; c++)
                {
                    var (at, end) = (customerStart[c], customerStart[c + 1]);
                    if (at == end) continue;
                    sums.Apply(first + c, byCustomer.AsSpan(at, end - at));
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
