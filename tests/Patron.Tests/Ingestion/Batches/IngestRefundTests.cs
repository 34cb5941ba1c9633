using Microsoft.EntityFrameworkCore;
using Patron.Commerce;
using Patron.Commerce.Contracts;
using Patron.Customers.Contracts;
using Patron.Ingestion.Batches;
using Patron.Ingestion.Import;
using Patron.Ingestion.Import.Mapping;
using Patron.Platform;
using Patron.Platform.Audit;
using Patron.Tests.Infrastructure;
using Patron.Tests.Ingestion.Import;

namespace Patron.Tests.Ingestion.Batches;

public sealed class IngestRefundTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    sealed class Recorder : IOrderObserver
    {
        public List<OrderRefundNotice> Refunds { get; } = [];
        public Task OrderPlacedAsync(OrderDetails order, CancellationToken ct) => Task.CompletedTask;

        public Task OrderRefundedAsync(OrderRefundNotice refund, CancellationToken ct)
        {
            Refunds.Add(refund);
            return Task.CompletedTask;
        }
    }

    static IngestRefundsHandler Handler(PatronDb db, Recorder recorder) =>
        new(db, new ExternalRefunds(db, new RefundOrderHandler(db, TimeProvider.System, [recorder])), new Quarantine(db), TimeProvider.System);

    /// <summary>Two POS orders: P-1 pays 1000 over two lines (600 + 400), P-2 pays 500.</summary>
    static async Task SeedOrdersAsync(PatronDb db)
    {
        var handler = Importer.Ingest(db);
        var orders = new IngestBatch<IngestOrder>("pos", [
            new IngestOrder("P-1", "2024-03-05 10:00", [new IngestOrderLine("A1", "苹果", 2, 300), new IngestOrderLine("B1", "香蕉", 1, 400)], MemberCard: "8800 0001"),
            new IngestOrder("P-2", "2024-03-05 11:00", [new IngestOrderLine("A1", "苹果", 1, 500)], MemberCard: "8800 0002"),
        ], SalesChannel.Pos);
        Assert.Equal(2, (await handler.OrdersAsync(orders, Ct)).Value!.Accepted);
    }

    static IngestBatch<IngestRefund> Batch(params IngestRefund[] items) => new("pos", items, SalesChannel.Pos);

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_refund_is_recorded_once_its_observers_hear_of_it_once_and_a_replay_changes_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext();
        await SeedOrdersAsync(db);
        var recorder = new Recorder();
        var batch = Batch(new IngestRefund("R-1", "P-1", 300, "2024-03-06 09:30", "坏果"));

        var first = (await Handler(db, recorder).HandleAsync(batch, Ct)).Value!;
        var replay = (await Handler(db, recorder).HandleAsync(batch, Ct)).Value!;

        Assert.Equal((IngestStatus.Accepted, "R-1", 1L), (Assert.Single(first.Items).Status, first.Items[0].ExternalId, first.RefundsCreated));
        Assert.Equal((IngestStatus.Duplicate, 1, 0L), (Assert.Single(replay.Items).Status, replay.Duplicates, replay.RefundsCreated));
        var notice = Assert.Single(recorder.Refunds);
        // 09:30 at UTC+8 is 01:30 UTC.
        Assert.Equal((300L, 300L, 1000L, new DateTime(2024, 3, 6, 1, 30, 0)), (notice.Amount, notice.TotalRefunded, notice.PaidAmount, notice.RefundedAt));
        await using var check = database.NewContext();
        var order = await check.Orders.AsNoTracking().SingleAsync(o => o.ExternalId == "P-1", Ct);
        Assert.Equal((300L, OrderStatus.PartlyRefunded), (order.RefundedAmount, order.Status));
        var refund = await check.Set<OrderRefund>().AsNoTracking().SingleAsync(Ct);
        Assert.Equal(("R-1", "坏果", order.CustomerId), (refund.RefundKey, refund.Reason, refund.CustomerId));
        Assert.NotNull(order.CustomerId);
        var jobs = await check.Set<ImportJob>().AsNoTracking().Where(j => j.Kind == ImportKind.Refunds).OrderBy(j => j.StartedAt).ToListAsync(Ct);
        Assert.Equal([(1L, 1L, 0L, 0L), (1L, 1L, 0L, 1L)], jobs.Select(j => (j.RowsRead, j.RowsAccepted, j.RowsRejected, j.DuplicatesSkipped)));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_mixed_batch_reports_each_item_and_quarantines_the_unknown_order_and_the_over_refund_once(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext();
        await SeedOrdersAsync(db);
        var recorder = new Recorder();
        var batch = Batch(
            new IngestRefund("R-1", "P-1", Lines: [new IngestRefundLine(2)]),
            new IngestRefund("R-2", "P-404", 100),
            new IngestRefund("R-3", "P-1", 700),
            new IngestRefund("R-4", "P-2"),
            new IngestRefund("", "P-2", 100),
            new IngestRefund("R-5", "P-2", 100, "yesterday"),
            new IngestRefund("R-1", "P-1", Lines: [new IngestRefundLine(2)]),
            null!);

        var result = (await Handler(db, recorder).HandleAsync(batch, Ct)).Value!;
        var replay = (await Handler(db, recorder).HandleAsync(batch, Ct)).Value!;

        Assert.Equal([IngestStatus.Accepted, IngestStatus.Rejected, IngestStatus.Rejected, IngestStatus.Accepted, IngestStatus.Rejected,
            IngestStatus.Rejected, IngestStatus.Duplicate, IngestStatus.Rejected], result.Items.Select(i => i.Status));
        Assert.Equal((8, 2, 1, 5), (result.Received, result.Accepted, result.Duplicates, result.Rejected));
        Assert.StartsWith("orderId: Unknown order 'P-404'", Assert.Single(result.Items[1].Reasons!));
        // Line 2 (400) was refunded first: 600 is left of P-1's 1000.
        Assert.Equal("amount: Only 600 is left to refund.", Assert.Single(result.Items[2].Reasons!));
        Assert.StartsWith("externalId: Required", Assert.Single(result.Items[4].Reasons!));
        Assert.StartsWith("refundedAt 'yesterday'", Assert.Single(result.Items[5].Reasons!));
        Assert.Contains(result.Items[7].Reasons!, r => r.StartsWith("orderId: Required"));
        Assert.Equal([IngestStatus.Duplicate, IngestStatus.Rejected, IngestStatus.Rejected, IngestStatus.Duplicate, IngestStatus.Rejected,
            IngestStatus.Rejected, IngestStatus.Duplicate, IngestStatus.Rejected], replay.Items.Select(i => i.Status));
        Assert.Equal([400L, 500L], recorder.Refunds.Select(r => r.Amount));

        await using var check = database.NewContext();
        var orders = await check.Orders.AsNoTracking().OrderBy(o => o.ExternalId).Select(o => new { o.RefundedAmount, o.Status }).ToListAsync(Ct);
        Assert.Equal([(400L, OrderStatus.PartlyRefunded), (500L, OrderStatus.Refunded)], orders.Select(o => (o.RefundedAmount, o.Status)));
        // Five rejected items, kept once although the batch came twice, and now filed under the replay's job.
        var quarantined = await check.Set<QuarantinedRow>().AsNoTracking().Where(q => q.Kind == ImportKind.Refunds).ToListAsync(Ct);
        Assert.Equal(5, quarantined.Count);
        Assert.All(quarantined, q => Assert.Equal(replay.JobId, q.JobId));
        var csv = new StringWriter();
        Assert.Equal(5, await new ExportQuarantineHandler(check, new AuditLog(check, TimeProvider.System)).WriteCsvAsync(replay.JobId, Actor.System, csv, Ct));
        Assert.Contains("R-2,P-404,100,,,,orderId: Unknown order 'P-404'", csv.ToString());
        // The download is personal data leaving: audited with who, which job and how many rows.
        var audit = await check.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == AuditAction.Export, Ct);
        Assert.Equal(("import-quarantine", "system"), (audit.Subject, audit.ActorName));
        Assert.Equal($"job {replay.JobId} (Refunds, pos, api): 5 rows", audit.Detail);
    }
}
