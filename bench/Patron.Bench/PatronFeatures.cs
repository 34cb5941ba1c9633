using System.Collections.Concurrent;
using Patron.Engine.Features;

namespace Patron.Bench;

/// <summary>
/// Patron's side of the feature benchmark: the three files read into a <see cref="FeatureStore"/> the way
/// <c>FeatureLoader</c> fills it from the database (customers first, then every order in date order, bulk mode), then
/// <see cref="FeatureStore.EndBulk"/>, which scores RFM quintiles and tertile tiers and derives every customer (AOV,
/// recency, tenure, gaps, category and channel shares, lifecycle). Orders and lines are read in one pass, merged on
/// order_no, with no string per line (categories, channels and stores are interned), on a second thread that hands
/// batches of parsed orders to the store's thread: the store is single-writer, the parsing need not wait for it.
/// </summary>
static class PatronFeatures
{
    /// <summary>The key the store holds for customer number <paramref name="n"/> (the files carry numbers, the store Guids).</summary>
    public static Guid Id(int n) => new(n, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public static FeatureStore Build(string dir, int customers)
    {
        var names = new Interner();
        var store = new FeatureStore(SegmentData.AsOf, capacity: customers);
        store.BeginBulk();
        using var full = new BlockingCollection<OrderBatch>(4);
        using var free = new BlockingCollection<OrderBatch>();
        for (var k = 0; k < 6; k++) free.Add(new OrderBatch());
        // Orders carry their own interner: the two threads must not share a dictionary.
        var reader = Task.Run(() => ReadOrders(dir, new Interner(), full, free));
        ReadCustomers(dir, names, store);
        foreach (var batch in full.GetConsumingEnumerable())
        {
            for (var o = 0; o < batch.Count; o++)
            {
                var (customer, purchase) = batch.Orders[o];
                store.ApplyPurchase(Id(customer), purchase with
                {
                    CategorySpend = new ArraySegment<KeyValuePair<string, long>>(batch.Spend, batch.SpendStart[o], batch.SpendStart[o + 1] - batch.SpendStart[o]),
                });
            }
            batch.Clear();
            free.Add(batch);
        }
        reader.GetAwaiter().GetResult(); // rethrows a reader failure
        store.EndBulk(SegmentData.AsOf);
        return store;
    }

    static void ReadCustomers(string dir, Interner names, FeatureStore store)
    {
        using var file = new ByteLines(Path.Combine(dir, FeatureFiles.Customers));
        while (file.Next(out var line))
        {
            var n = ByteLines.Int(ByteLines.Field(ref line));
            var gender = names.Of(ByteLines.Field(ref line));
            var birthday = ByteLines.Date(ByteLines.Field(ref line));
            var (province, city, occupation) = (names.Of(ByteLines.Field(ref line)), names.Of(ByteLines.Field(ref line)), names.Of(ByteLines.Field(ref line)));
            var tag = names.Of(ByteLines.Field(ref line));
            var signedUp = ByteLines.Date(ByteLines.Field(ref line));
            store.Upsert(Id(n), new CustomerFacts(gender, birthday, province, city, occupation, tag is null ? null : [tag], signedUp));
        }
    }

    static void ReadOrders(string dir, Interner names, BlockingCollection<OrderBatch> full, BlockingCollection<OrderBatch> free)
    {
        try
        {
            using var orders = new ByteLines(Path.Combine(dir, FeatureFiles.Orders));
            using var lines = new ByteLines(Path.Combine(dir, FeatureFiles.Lines));
            var haveLine = lines.Next(out var item);
            var batch = free.Take();
            while (orders.Next(out var order))
            {
                var no = ByteLines.Long(ByteLines.Field(ref order));
                var customer = ByteLines.Int(ByteLines.Field(ref order));
                var day = ByteLines.Date(ByteLines.Field(ref order))!.Value;
                var channel = names.Of(ByteLines.Field(ref order))!;
                var storeName = names.Of(ByteLines.Field(ref order));
                var net = ByteLines.Long(ByteLines.Field(ref order));
                var cancelled = ByteLines.Field(ref order) is [(byte)'t', ..];
                while (haveLine)
                {
                    var rest = item;
                    if (ByteLines.Long(ByteLines.Field(ref rest)) != no) break;
                    batch.AddLine(names.Of(ByteLines.Field(ref rest))!, ByteLines.Long(rest));
                    haveLine = lines.Next(out item);
                }
                batch.AddOrder(customer, new PurchaseFact(day, net, channel, storeName, null, !cancelled));
                if (batch.Count == OrderBatch.Size) { full.Add(batch); batch = free.Take(); }
            }
            if (batch.Count > 0) full.Add(batch);
        }
        finally { full.CompleteAdding(); }
    }

    /// <summary>Parsed orders with their lines flattened: order o's lines are Spend[SpendStart[o] .. SpendStart[o + 1]).</summary>
    sealed class OrderBatch
    {
        public const int Size = 8192;
        public readonly (int Customer, PurchaseFact Purchase)[] Orders = new (int, PurchaseFact)[Size];
        public readonly int[] SpendStart = new int[Size + 1];
        public KeyValuePair<string, long>[] Spend = new KeyValuePair<string, long>[Size * 8];
        public int Count;
        int lines;

        public void AddLine(string category, long amount)
        {
            if (lines == Spend.Length) Array.Resize(ref Spend, lines * 2);
            Spend[lines++] = KeyValuePair.Create(category, amount);
        }

        public void AddOrder(int customer, PurchaseFact purchase)
        {
            Orders[Count++] = (customer, purchase);
            SpendStart[Count] = lines;
        }

        public void Clear() => Count = lines = 0;
    }
}
