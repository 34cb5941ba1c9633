using Microsoft.EntityFrameworkCore;
using Patron.Commerce.Contracts;
using Patron.Customers.Contracts;
using Patron.Ingestion.Batches;
using Patron.Ingestion.Import;
using Patron.Platform;
using Patron.Tests.Infrastructure;
using Patron.Tests.Ingestion.Import;

namespace Patron.Tests.Ingestion.Batches;

/// <summary>
/// Two requests carrying the same new external ids at the same moment (a client retrying on a timeout while the first
/// is still running): the unique indexes let one write; the other must answer, reporting the items as duplicates.
/// </summary>
public sealed class ConcurrentIngestTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static IngestBatchHandler Handler(PatronDb db) => Importer.Ingest(db);

    static async Task<IngestResult[]> TwiceAtOnceAsync(TestDatabase database, Func<IngestBatchHandler, Task<WriteResult<IngestResult>>> send)
    {
        await using var one = database.NewContext();
        await using var two = database.NewContext();
        using var start = new Barrier(2);
        Task<WriteResult<IngestResult>> Send(PatronDb db) => Task.Run(async () => { start.SignalAndWait(Ct); return await send(Handler(db)); }, Ct);
        var results = await Task.WhenAll(Send(one), Send(two));
        return [.. results.Select(r => r.Value!)];
    }

    static void AssertOneWroteAndTheOtherSawDuplicates(IngestResult[] results, int items)
    {
        var ordered = results.OrderByDescending(r => r.Accepted).ToList();
        Assert.Equal((items, 0), (ordered[0].Accepted, ordered[0].Duplicates));
        Assert.Equal((0, items), (ordered[1].Accepted, ordered[1].Duplicates));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Two_concurrent_order_batches_with_the_same_new_orders_write_them_once_and_neither_fails(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var batch = new IngestBatch<IngestOrder>("pos", [.. Enumerable.Range(1, 200).Select(i => new IngestOrder($"P-{i}", "2024-03-05 10:00",
            [new IngestOrderLine($"SKU-{i % 7}", $"商品{i % 7}", 1, 500)], MemberCard: $"8800{i:D4}"))], SalesChannel.Pos);

        var results = await TwiceAtOnceAsync(database, h => h.OrdersAsync(batch, Ct));

        AssertOneWroteAndTheOtherSawDuplicates(results, 200);
        await using var db = database.NewContext();
        Assert.Equal((200, 200, 7), (await db.Orders.CountAsync(Ct), await db.Customers.CountAsync(Ct), await db.Products.CountAsync(Ct)));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Two_concurrent_customer_batches_with_the_same_new_customers_create_them_once_and_neither_fails(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var batch = new IngestBatch<IngestCustomer>("crm", [.. Enumerable.Range(1, 200).Select(i => new IngestCustomer($"M-{i}", "王芳", Mobile: $"1380013{i:D4}"))]);

        var results = await TwiceAtOnceAsync(database, h => h.CustomersAsync(batch, Ct));

        AssertOneWroteAndTheOtherSawDuplicates(results, 200);
        await using var db = database.NewContext();
        Assert.Equal(200, await db.Customers.CountAsync(Ct));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Two_concurrent_event_batches_with_the_same_new_events_write_them_once_and_neither_fails(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.NewContext())
            await Handler(db).CustomersAsync(new IngestBatch<IngestCustomer>("crm", [new IngestCustomer("M-1", "王芳", Mobile: "13800138000")]), Ct);
        var batch = new IngestBatch<IngestEvent>("app", [.. Enumerable.Range(1, 200).Select(i => new IngestEvent($"E-{i}", "到店", "2024-03-05 10:00", Mobile: "13800138000"))]);

        var results = await TwiceAtOnceAsync(database, h => h.EventsAsync(batch, Ct));

        AssertOneWroteAndTheOtherSawDuplicates(results, 200);
        await using var check = database.NewContext();
        Assert.Equal(200, await check.CustomerEvents.CountAsync(Ct));
    }
}
