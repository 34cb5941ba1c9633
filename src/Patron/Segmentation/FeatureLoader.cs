using Microsoft.EntityFrameworkCore;
using Patron.Commerce.Contracts;
using Patron.Customers.Contracts;
using Patron.Engine.Features;
using Patron.Platform;

namespace Patron.Segmentation;

/// <summary>
/// Fills a <see cref="FeatureStore"/> from the database with streaming queries: customers, then orders and their
/// per-category line sums, both sorted by order id and merged, so memory holds one order at a time rather than the
/// order history. Two contexts, because PostgreSQL cannot keep two readers open on one connection.
/// </summary>
static class FeatureLoader
{
    public static Task<DateTime> LoadCustomersAsync(PatronDb db, Action<Guid, CustomerFacts> add, DateTime? since, TimeZoneInfo zone, CancellationToken ct) =>
        ReadCustomersAsync(db, add, since, null, zone, ct);

    /// <summary>One customer's profile facts; null when no live customer has the id (merged into another, or erased).</summary>
    public static async Task<CustomerFacts?> ReadCustomerAsync(PatronDb db, Guid id, TimeZoneInfo zone, CancellationToken ct)
    {
        CustomerFacts? facts = null;
        await ReadCustomersAsync(db, (_, f) => facts = f, null, id, zone, ct);
        return facts;
    }

    static async Task<DateTime> ReadCustomersAsync(PatronDb db, Action<Guid, CustomerFacts> add, DateTime? since, Guid? only, TimeZoneInfo zone,
        CancellationToken ct)
    {
        var watermark = since ?? DateTime.MinValue;
        var customers = db.Customers.AsNoTracking();
        // At or after: re-reading the customers of the last tick is harmless (an upsert), missing one is not.
        if (since is { } t) customers = customers.Where(c => c.UpdatedAt >= t);
        if (only is { } id) customers = customers.Where(c => c.Id == id);
        await foreach (var c in customers
            .Select(c => new { c.Id, c.Gender, c.Birthday, c.Province, c.City, c.Occupation, c.Tags, c.SignedUpAt, c.UpdatedAt })
            .AsAsyncEnumerable().WithCancellation(ct))
        {
            add(c.Id, new CustomerFacts(GenderKey(c.Gender), c.Birthday, c.Province, c.City, c.Occupation, c.Tags,
                LocalDay(c.SignedUpAt, zone)));
            if (c.UpdatedAt > watermark) watermark = c.UpdatedAt;
        }
        return watermark;
    }

    /// <param name="loaded">Told of each order id read, so orders observed during the load are applied exactly once.</param>
    public static async Task LoadOrdersAsync(PatronDb ordersDb, PatronDb linesDb, FeatureStore store, CatalogCategories catalog,
        TimeZoneInfo zone, Action<Guid> loaded, CancellationToken ct)
    {
        var storeNames = await ordersDb.Stores.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        var orders = ordersDb.Orders.AsNoTracking().Where(o => o.CustomerId != null).OrderBy(o => o.Id)
            .Select(o => new { o.Id, o.CustomerId, o.PlacedAt, o.Status, o.PaidAmount, o.RefundedAmount, o.Source, o.StoreId })
            .AsAsyncEnumerable().WithCancellation(ct);
        // Lines as they are, in the orders' order, named by category here: a GROUP BY (order, category) in SQL with the
        // product join needs a sort of every line, and cost three times the plain read (SQLite, 2M lines). The store
        // counts an order once per category however many of its lines fall in it, as it does for a new order.
        var lines = (from l in linesDb.OrderLines
                     join o in linesDb.Orders on l.OrderId equals o.Id
                     where o.CustomerId != null
                     orderby l.OrderId
                     select new { l.OrderId, l.ProductId, l.Amount }).AsAsyncEnumerable();
        await using var line = lines.GetAsyncEnumerator(ct);
        var hasLine = await line.MoveNextAsync();
        await foreach (var o in orders)
        {
            var spend = new List<KeyValuePair<string, long>>();
            // Same sort key on both sides: lines of this order come next; an order without lines has none waiting.
            for (; hasLine && line.Current.OrderId == o.Id; hasLine = await line.MoveNextAsync())
                if (catalog.TryProduct(line.Current.ProductId, out var name)) spend.Add(KeyValuePair.Create(name, line.Current.Amount));
            loaded(o.Id);
            store.ApplyPurchase(o.CustomerId!.Value, Purchase(o.Status, o.PaidAmount, o.RefundedAmount, o.PlacedAt, o.Source,
                o.StoreId is { } s ? storeNames.GetValueOrDefault(s) : null, spend, zone));
        }
    }

    /// <summary>A purchase is a completed or partly refunded order, worth what was paid minus what was refunded.</summary>
    public static PurchaseFact Purchase(OrderStatus status, long paid, long refunded, DateTime placedAt, SalesChannel source, string? store,
        IReadOnlyList<KeyValuePair<string, long>> spend, TimeZoneInfo zone) =>
        new(LocalDay(placedAt, zone), paid - refunded, source.ToString(), store, spend,
            Counts: status is OrderStatus.Completed or OrderStatus.PartlyRefunded);

    public static DateOnly LocalDay(DateTime utc, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone));

    static string? GenderKey(Gender g) => g switch { Gender.Male => "male", Gender.Female => "female", _ => null };
}
