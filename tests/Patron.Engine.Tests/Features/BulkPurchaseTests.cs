using Patron.Engine.Features;
using Patron.Engine.Segments;

namespace Patron.Engine.Tests.Features;

/// <summary><see cref="FeatureStore.ApplyPurchases"/> must leave every column as <see cref="FeatureStore.ApplyPurchase"/> one order at a time does.</summary>
public sealed class BulkPurchaseTests
{
    static readonly DateOnly AsOf = new(2026, 3, 31);

    // Ann: two orders on one day, a category twice in one order, one order at each of two stores (a tie), two channels.
    // Bo: one purchase. Cy: only a cancelled order. Di: nothing. Ed: a partly refunded order and a fully refunded one.
    // Fay and Gus: the same history, so they tie on R, F and M. Hal: a store-less order, then more at one store.
    static readonly string[] Names = ["Ann", "Bo", "Cy", "Di", "Ed", "Fay", "Gus", "Hal"];

    static readonly (string Who, int Day, long Net, string Channel, string? Store, bool Counts, (string, long)[] Lines)[] History =
    [
        ("Ann", 2, 5000, "Pos", "东店", true, [("水果", 3000), ("酒水", 1000), ("水果", 1000)]),
        ("Hal", 3, 800, "Online", null, true, [("零食", 800)]),
        ("Cy", 4, 9000, "Pos", "西店", false, [("酒水", 9000)]),
        ("Fay", 5, 2000, "MiniProgram", "西店", true, [("水果", 2000)]),
        ("Gus", 5, 2000, "MiniProgram", "西店", true, [("水果", 2000)]),
        ("Ed", 9, 1500, "Pos", "东店", true, [("酒水", 4000)]),
        ("Ann", 12, 2500, "Online", "西店", true, [("酒水", 2500)]),
        ("Ann", 12, 700, "Online", null, true, [("零食", 700)]),
        ("Ed", 14, 0, "Pos", "西店", false, [("水果", 6000)]),
        ("Hal", 18, 1200, "Pos", "南店", true, [("零食", 600), ("水果", 600)]),
        ("Bo", 20, 12000, "Pos", "南店", true, [("酒水", 12000)]),
        ("Hal", 25, 300, "Pos", "南店", true, []),
        ("Fay", 28, 1000, "Pos", "东店", true, [("零食", 1000)]),
        ("Gus", 28, 1000, "Pos", "东店", true, [("零食", 1000)]),
    ];

    static Guid Id(string name) => new(Array.IndexOf(Names, name) + 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    static PurchaseFact Fact((string Who, int Day, long Net, string Channel, string? Store, bool Counts, (string, long)[] Lines) o) =>
        new(new DateOnly(2026, 3, 1).AddDays(o.Day - 1), o.Net, o.Channel, o.Store, [.. o.Lines.Select(l => KeyValuePair.Create(l.Item1, l.Item2))], o.Counts);

    static FeatureStore WithCustomers(FeatureSettings settings)
    {
        var store = new FeatureStore(AsOf, settings);
        foreach (var name in Names) store.Upsert(Id(name), new CustomerFacts(Gender: name.Length == 2 ? "male" : "female"));
        return store;
    }

    static PurchaseColumns Batch(FeatureStore store, IEnumerable<(string Who, int Day, long Net, string Channel, string? Store, bool Counts, (string, long)[] Lines)> orders)
    {
        var batch = new PurchaseColumns(2, 2);
        foreach (var o in orders)
        {
            foreach (var (category, amount) in o.Lines) batch.AddLine(batch.Category(category), amount);
            store.TryPosition(Id(o.Who), out var at);
            batch.AddOrder(at, new DateOnly(2026, 3, 1).AddDays(o.Day - 1), o.Net, batch.Channel(o.Channel), batch.Store(o.Store), o.Counts);
        }
        return batch;
    }

    [Fact]
    public void A_bulk_load_gives_every_column_the_values_of_orders_applied_one_at_a_time()
    {
        var single = WithCustomers(new FeatureSettings());
        single.BeginBulk();
        foreach (var o in History) single.ApplyPurchase(Id(o.Who), Fact(o));
        single.EndBulk(AsOf);
        var bulk = WithCustomers(new FeatureSettings());
        bulk.BeginBulk();
        var batch = Batch(bulk, History);
        bulk.ApplyPurchases(batch);
        bulk.EndBulk(AsOf);

        Assert.Equal((12, 14), (batch.Count, batch.LineCount)); // the two orders that do not count are dropped
        AssertSameColumns(single, bulk);
        Assert.Equal(("西店", 3), (bulk.Get(Id("Ann"))!.FavouriteStore, bulk.Get(Id("Ann"))!.Frequency));
        Assert.Equal(("prospect", "prospect"), (bulk.Get(Id("Cy"))!.LifecycleState, bulk.Get(Id("Di"))!.LifecycleState));
        Assert.Equal(bulk.Get(Id("Fay")), bulk.Get(Id("Gus")));

        // The raw counters behind the columns (days, store counts) must agree too: a later order moves both alike.
        var later = ("Ann", 30, 900L, "Pos", (string?)"东店", true, new[] { ("水果", 900L) });
        single.ApplyPurchase(Id("Ann"), Fact(later));
        bulk.ApplyPurchase(Id("Ann"), Fact(later));
        AssertSameColumns(single, bulk);
    }

    [Fact]
    public void Batches_on_top_of_single_orders_merge_days_stores_and_a_monetary_window_like_single_orders()
    {
        var settings = new FeatureSettings(monetaryWindowDays: 20);
        var single = WithCustomers(settings);
        foreach (var o in History) single.ApplyPurchase(Id(o.Who), Fact(o));
        var mixed = WithCustomers(settings);
        foreach (var o in History[..5]) mixed.ApplyPurchase(Id(o.Who), Fact(o));
        mixed.ApplyPurchases(Batch(mixed, History[5..9]));
        mixed.ApplyPurchases(Batch(mixed, History[9..]));

        // Outside bulk mode both re-derive each buyer as it goes; then both re-cut the population.
        AssertSameColumns(single, mixed);
        single.Rebase(AsOf);
        mixed.Rebase(AsOf);
        AssertSameColumns(single, mixed);
        Assert.Equal((3, 2500L + 700), (mixed.Get(Id("Ann"))!.Frequency, mixed.Get(Id("Ann"))!.Monetary)); // the order of the 2nd is outside the 20 days
    }

    [Fact]
    public void An_order_for_a_customer_the_store_does_not_hold_is_rejected()
    {
        var store = WithCustomers(new FeatureSettings());
        var batch = new PurchaseColumns();
        batch.AddOrder(Names.Length, AsOf, 100, batch.Channel("Pos"));

        var error = Assert.Throws<ArgumentException>(() => store.ApplyPurchases(batch));

        Assert.Contains("customer position 8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_batch_or_one_of_only_cancelled_orders_changes_nothing()
    {
        var empty = new FeatureStore(AsOf);
        empty.ApplyPurchases(new PurchaseColumns());
        var store = WithCustomers(new FeatureSettings());
        var cancelled = new PurchaseColumns();
        cancelled.AddLine(cancelled.Category("水果"), 500);
        cancelled.AddOrder(0, AsOf, 500, cancelled.Channel("Pos"), counts: false);

        store.ApplyPurchases(cancelled);

        Assert.Equal((0, 0, 0), (empty.Count, cancelled.Count, cancelled.LineCount));
        Assert.Equal(WithCustomers(new FeatureSettings()).Get(Id("Ann")), store.Get(Id("Ann")));
        Assert.DoesNotContain(store.Snapshot().Table.Columns.Keys, k => k.Contains("水果", StringComparison.Ordinal));
    }

    [Fact]
    public void Customer_numbers_are_mapped_to_store_positions()
    {
        var store = WithCustomers(new FeatureSettings());
        var batch = new PurchaseColumns();
        batch.AddOrder(70, AsOf, 100, batch.Channel("Pos"));
        store.TryPosition(Id("Bo"), out var bo);
        var positions = new int[71];
        positions[70] = bo;

        batch.MapCustomers(positions);
        store.ApplyPurchases(batch);

        Assert.Equal((1, 100L), (store.Get(Id("Bo"))!.Frequency, store.Get(Id("Bo"))!.Monetary));
    }

    [Fact]
    public void Orders_of_ten_thousand_customers_in_two_batches_give_the_columns_of_one_order_at_a_time()
    {
        // Enough customers for several blocks of the bulk path and both of its threads; random but fixed.
        var random = new Random(11);
        string[] channels = ["Pos", "Online", "MiniProgram"], stores = ["东店", "西店", "南店", "北店"], categories = ["水果", "酒水", "零食", "粮油", "日化"];
        const int customers = 10_000;
        var orders = Enumerable.Range(0, 40_000).Select(_ => (Who: random.Next(customers), Day: random.Next(1, 300), Net: (long)random.Next(-500, 20_000),
            Channel: channels[random.Next(3)], Store: random.Next(5) == 0 ? null : stores[random.Next(4)], Counts: random.Next(20) > 0,
            Lines: Enumerable.Range(0, random.Next(0, 5)).Select(_ => (categories[random.Next(5)], (long)random.Next(1, 9000))).ToArray())).ToArray();
        var single = new FeatureStore(AsOf, capacity: 16);
        var bulk = new FeatureStore(AsOf, capacity: 16);
        for (var c = 0; c < customers; c++)
        {
            single.Upsert(Guid.CreateVersion7(), new CustomerFacts());
            bulk.Upsert(single.IdAt(c), new CustomerFacts());
        }
        single.BeginBulk();
        foreach (var o in orders)
            single.ApplyPurchase(single.IdAt(o.Who), new PurchaseFact(AsOf.AddDays(-o.Day), o.Net, o.Channel, o.Store,
                [.. o.Lines.Select(l => KeyValuePair.Create(l.Item1, l.Item2))], o.Counts));
        single.EndBulk(AsOf);
        bulk.BeginBulk();
        bulk.ApplyPurchases([Batch(orders[..25_000]), Batch(orders[25_000..])]);
        bulk.EndBulk(AsOf);

        AssertSameColumns(single, bulk, [.. Enumerable.Range(0, customers).Select(single.IdAt)]);

        PurchaseColumns Batch(IEnumerable<(int Who, int Day, long Net, string Channel, string? Store, bool Counts, (string, long)[] Lines)> part)
        {
            var batch = new PurchaseColumns();
            foreach (var o in part)
            {
                foreach (var (category, amount) in o.Lines) batch.AddLine(batch.Category(category), amount);
                batch.AddOrder(o.Who, AsOf.AddDays(-o.Day), o.Net, batch.Channel(o.Channel), batch.Store(o.Store), o.Counts);
            }
            return batch;
        }
    }

    static void AssertSameColumns(FeatureStore expected, FeatureStore actual) => AssertSameColumns(expected, actual, [.. Names.Select(Id)]);

    static void AssertSameColumns(FeatureStore expected, FeatureStore actual, Guid[] customers)
    {
        var (a, b) = (expected.Snapshot().Table, actual.Snapshot().Table);
        Assert.Equal(a.Columns.Keys.Order(StringComparer.Ordinal), b.Columns.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, column) in a.Columns)
        {
            var other = b.Columns[name];
            switch (column)
            {
                case NumericColumn n: Assert.True(n.Values.SequenceEqual(((NumericColumn)other).Values), name); break;
                case DateColumn d: Assert.True(d.Days.SequenceEqual(((DateColumn)other).Days), name); break;
                case CategoryColumn c:
                    Assert.True(c.Codes.SequenceEqual(((CategoryColumn)other).Codes), name);
                    Assert.Equal(c.Dictionary, ((CategoryColumn)other).Dictionary);
                    break;
            }
        }
        foreach (var id in customers) Assert.Equal(expected.Get(id), actual.Get(id));
    }
}
