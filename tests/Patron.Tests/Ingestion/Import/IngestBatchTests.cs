using Microsoft.EntityFrameworkCore;
using Patron.Commerce.Contracts;
using Patron.Customers.Contracts;
using Patron.Ingestion.Batches;
using Patron.Ingestion.Import;
using Patron.Platform;
using Patron.Tests.Infrastructure;

namespace Patron.Tests.Ingestion.Import;

public sealed class IngestBatchTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static IngestBatchHandler Handler(PatronDb db) => Importer.Ingest(db);

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_batch_of_more_than_ten_thousand_items_is_refused_whole(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext();
        var items = Enumerable.Range(0, IngestBatch<IngestCustomer>.MaxItems + 1).Select(i => new IngestCustomer($"C-{i}", "张三", Mobile: "13800138000")).ToList();

        var result = await Handler(db).CustomersAsync(new IngestBatch<IngestCustomer>("crm", items), Ct);

        Assert.Contains("10,001", Assert.Single(result.Errors!.ToDictionary()["items"]));
        Assert.Equal(0, await db.Customers.CountAsync(Ct));
        Assert.Equal(0, await db.Set<ImportJob>().CountAsync(Ct));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Every_row_of_a_batch_is_accepted_or_rejected_and_an_order_is_rejected_whole(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext();
        var batch = new IngestBatch<IngestOrder>("pos", [
            new IngestOrder("P-1", "2024-03-05 10:00", [new IngestOrderLine("A1", "苹果", 2, 500), new IngestOrderLine("B1", "香蕉", -1, 300)], MemberCard: "8800 0001"),
            new IngestOrder("P-2", "2024-03-05 11:00", null, MemberCard: "8800 0002"),
            new IngestOrder("P-3", "2024-03-05 12:00", [new IngestOrderLine("A1", "苹果", 1, 500)], MemberCard: "8800 0003"),
            null!,
        ], SalesChannel.Pos);

        var result = (await Handler(db).OrdersAsync(batch, Ct)).Value!;

        Assert.Equal([IngestStatus.Rejected, IngestStatus.Rejected, IngestStatus.Accepted, IngestStatus.Rejected], result.Items.Select(i => i.Status));
        Assert.Contains(result.Items[0].Reasons!, r => r.StartsWith("quantity '-1'"));
        Assert.Contains(result.Items[0].Reasons!, r => r.Contains("imported whole"));
        Assert.Contains(result.Items[1].Reasons!, r => r.StartsWith("productName"));
        Assert.Contains(result.Items[3].Reasons!, r => r.StartsWith("externalId"));
        var job = await db.Set<ImportJob>().AsNoTracking().SingleAsync(j => j.Id == result.JobId, Ct);
        // Rows, not items: P-1 has two lines.
        Assert.Equal((5L, 1L, 4L), (job.RowsRead, job.RowsAccepted, job.RowsRejected));
        Assert.Equal(4, await db.Set<QuarantinedRow>().CountAsync(q => q.JobId == job.Id, Ct));
        Assert.Equal(SalesChannel.Pos, (await db.Orders.SingleAsync(Ct)).Source);
    }
}
