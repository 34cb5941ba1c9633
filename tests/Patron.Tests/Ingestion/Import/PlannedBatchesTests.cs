using Microsoft.EntityFrameworkCore;
using Patron.Ingestion.Import;
using Patron.Ingestion.Import.Mapping;
using Patron.Platform;
using Patron.Tests.Infrastructure;

namespace Patron.Tests.Ingestion.Import;

/// <summary>
/// The import decides rows a few at a time on a second connection while earlier ones are written, uncommitted, on the
/// first. With one row decided at a time and one commit at the end, every lookup misses what the rows before it wrote:
/// only the writer's own memory of the batches in flight keeps the result equal to deciding the file in one go.
/// </summary>
public sealed class PlannedBatchesTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Rows_decided_one_at_a_time_in_one_transaction_end_as_the_file_decided_at_once(DatabaseProvider provider)
    {
        using var files = new SampleFiles();
        var path = files.Csv("orders.csv", SampleFiles.Orders);
        await using var atOnce = await TestDatabase.CreateAsync(provider);
        var whole = await Importer.ImportAsync(atOnce, new RunImport(path, ImportKind.Orders, "taobao", BatchSize: 1000, PlanRows: 1000), Ct);
        await using var oneByOne = await TestDatabase.CreateAsync(provider);
        var progress = new List<ImportProgress>();

        ImportReport report;
        await using (var db = oneByOne.NewContext())
            report = await Importer.Run(db).HandleAsync(
                new RunImport(path, ImportKind.Orders, "taobao", BatchSize: 1000, PlanRows: 1), new Importer.Callback(progress.Add), Ct);

        Assert.Equal(await Importer.StateAsync(atOnce, Ct), await Importer.StateAsync(oneByOne, Ct));
        Assert.Equal((whole.CustomersCreated, whole.CustomersMatched, whole.OrdersCreated, whole.RowsRejected),
            (report.CustomersCreated, report.CustomersMatched, report.OrdersCreated, report.RowsRejected));
        // The progress bar moves with every row decided and written, though the rows commit together at the end.
        Assert.True(progress.Count >= 5, $"{progress.Count} progress reports");
        Assert.Equal(report.RowsRead, progress[^1].RowsRead);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_far_row_of_an_order_written_but_not_yet_committed_is_quarantined_as_late(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var files = new SampleFiles();
        string[] headers = ["订单编号", "联系手机", "订单付款时间", "商品名称", "数量", "小计"];
        var path = files.Csv("o.csv",
        [
            headers,
            ["T2001", "13800138000", "2024-03-05 10:00", "苹果", "1", "5.00"],
            ["T2002", "13900139000", "2024-03-05 11:00", "苹果", "2", "10.00"],
            ["T2001", "13800138000", "2024-03-05 10:00", "香蕉", "1", "3.00"],
        ]);

        var report = await Importer.ImportAsync(database, new RunImport(path, ImportKind.Orders, "shop", BatchSize: 1000, OrderWindow: 1, PlanRows: 1), Ct);

        Assert.Equal((3L, 2L, 1L, 0L), (report.RowsRead, report.OrdersCreated, report.RowsRejected, report.DuplicatesSkipped));
        Assert.StartsWith("Order already imported with different lines", Assert.Single(report.Rejections).Reasons[0]);
        await using var db = database.NewContext();
        Assert.Equal(1, await db.Set<QuarantinedRow>().CountAsync(Ct));
        Assert.Equal(2, await db.Customers.CountAsync(Ct));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_cancelled_import_rolls_back_the_rows_written_since_the_last_commit_and_their_counts(DatabaseProvider provider)
    {
        using var files = new SampleFiles();
        var path = files.Csv("orders.csv", SampleFiles.Orders);
        await using var database = await TestDatabase.CreateAsync(provider);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var reports = 0;
        // Batches of 4 rows decided one order at a time (rows 1, 2, 3-4 | 5, 6, 7-8 | ...): cancelled once rows 5 (a bad
        // mobile, quarantined) and 6 are written, the first batch stays and rows 5-6 roll back with their counts.
        var cancel = new Importer.Callback(_ => { if (++reports == 5) cts.Cancel(); });
        await using (var db = database.NewContext())
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
                Importer.Run(db).HandleAsync(new RunImport(path, ImportKind.Orders, "taobao", BatchSize: 4, PlanRows: 1), cancel, cts.Token));

        await using var check = database.NewContext();
        var job = await check.Set<ImportJob>().SingleAsync(Ct);
        Assert.Equal(ImportStatus.Cancelled, job.Status);
        Assert.Equal((4L, 4L, 0L), (job.RowsRead, job.RowsAccepted, job.RowsRejected));
        Assert.Equal(job.OrderLinesCreated, await check.OrderLines.CountAsync(Ct));
        Assert.Equal(job.RowsRejected, await check.Set<QuarantinedRow>().CountAsync(Ct));
    }
}
