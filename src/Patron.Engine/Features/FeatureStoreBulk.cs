namespace Patron.Engine.Features;

/// <summary>
/// Many orders at once (<see cref="PurchaseColumns"/>), with the same result as <see cref="ApplyPurchase"/> called for
/// each in turn. One order at a time touches its customer in some fifty columns of a million entries each (a cache miss
/// per column) and reallocates the customer's purchase days; here the orders are first grouped by customer (a stable
/// counting sort), then each customer's orders are summed in small scratch arrays and written once, customers in
/// position order, so every column is walked front to back. Customers are independent, so two halves of the
/// population are applied on two threads.
/// </summary>
public sealed partial class FeatureStore
{
    /// <summary>
    /// Applies every order of <paramref name="batch"/> as <see cref="ApplyPurchase"/> would, in the batch's order per
    /// customer; new names get their codes in order of first use, as one at a time. The customers must be held already
    /// (positions below <see cref="Count"/>). Outside bulk mode the customers who bought are re-derived.
    /// </summary>
    public void ApplyPurchases(PurchaseColumns batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var (channelOf, storeOf, categoryOf) = CodeBatch(batch);
        var orders = batch.Orders.AsSpan(0, batch.Count);
        // Counting sort by customer: start[i] .. start[i + 1] in byCustomer are customer i's orders, in batch order.
        var start = new int[Count + 1];
        foreach (ref readonly var o in orders) start[o.Customer + 1]++;
        for (var i = 0; i < Count; i++) start[i + 1] += start[i];
        var byCustomer = new int[orders.Length];
        var next = start.AsSpan(0, Count).ToArray();
        for (var o = 0; o < orders.Length; o++) byCustomer[next[orders[o].Customer]++] = o;
        var split = Array.BinarySearch(start, orders.Length / 2);
        split = Math.Clamp(split < 0 ? ~split : split, 0, Count);
        Parallel.For(0, 2, half =>
        {
            var sums = new CustomerSums(this, batch, channelOf, storeOf, categoryOf);
            var (from, to) = half == 0 ? (0, split) : (split, Count);
            for (var i = from; i < to; i++)
            {
                if (start[i] == start[i + 1]) continue;
                sums.Apply(i, byCustomer.AsSpan(start[i], start[i + 1] - start[i]));
                if (!bulk) Refresh(i);
            }
        });
    }

    /// <summary>
    /// The store's codes for the batch's names, assigned in the order the orders use them (channel, store, then the
    /// categories of each order), as <see cref="ApplyPurchase"/> would; new columns are made here, before any thread writes.
    /// </summary>
    (int[] Channels, int[] Stores, int[] Categories) CodeBatch(PurchaseColumns batch)
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
        return (channelOf, storeOf, categoryOf);
    }

    static int[] Unassigned(int n)
    {
        var codes = new int[n];
        Array.Fill(codes, -1);
        return codes;
    }
}
