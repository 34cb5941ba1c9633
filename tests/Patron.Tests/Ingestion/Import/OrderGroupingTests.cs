using Microsoft.EntityFrameworkCore;
using Patron.Ingestion.Cleaning;
using Patron.Ingestion.Import;
using Patron.Ingestion.Import.Mapping;
using Patron.Platform;
using Patron.Ingestion.Import.Reading;
using Patron.Tests.Infrastructure;

namespace Patron.Tests.Ingestion.Import;

public sealed class OrderGroupingTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static readonly string[] Headers = ["订单编号", "联系手机", "订单付款时间", "商品名称", "数量", "小计"];

    /// <summary>An export sorted by product: the lines of T2001 and T2002 are far apart (rows 1, 3, 5 and 2, 4).</summary>
    static string[][] Interleaved =>
    [
        Headers,
        ["T2001", "13800138000", "2024-03-05 10:00", "苹果", "1", "5.00"],
        ["T2002", "13900139000", "2024-03-05 11:00", "苹果", "2", "10.00"],
        ["T2001", "13800138000", "2024-03-05 10:00", "香蕉", "1", "3.00"],
        ["T2002", "13900139000", "2024-03-05 11:00", "牛奶", "1", "8.00"],
        ["T2001", "13800138000", "2024-03-05 10:00", "牛奶", "3", "24.00"],
    ];

    [Fact]
    public void Rows_of_one_order_within_the_window_come_out_together_in_order_of_their_first_row()
    {
        var rows = new[] { "A", "B", "A", "", "C", "A", "B" }.Select((id, i) => new SourceRow(i + 1, [id])).ToList();

        var groups = OrderGrouping.Groups(rows, r => r.Cells[0].Length == 0 ? null : r.Cells[0], window: 100)
            .Select(g => string.Join(",", g.Select(r => r.Number))).ToList();

        Assert.Equal(["1,3,6", "2,7", "4", "5"], groups);
    }

    [Fact]
    public void The_window_bounds_how_many_rows_are_held()
    {
        var rows = new[] { "A", "B", "C", "A" }.Select((id, i) => new SourceRow(i + 1, [id])).ToList();

        var groups = OrderGrouping.Groups(rows, r => r.Cells[0], window: 2).Select(g => string.Join(",", g.Select(r => r.Number))).ToList();

        Assert.Equal(["1", "2", "3", "4"], groups);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Rows_of_an_order_that_are_not_adjacent_are_imported_as_one_order_even_across_batches(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var files = new SampleFiles();

        var report = await Importer.ImportAsync(database, new RunImport(files.Csv("o.csv", Interleaved), ImportKind.Orders, "shop", BatchSize: 1), Ct);

        Assert.Equal((5L, 5L, 0L), (report.RowsRead, report.RowsAccepted, report.RowsRejected));
        Assert.Equal((2L, 5L, 0L), (report.OrdersCreated, report.OrderLinesCreated, report.DuplicatesSkipped));
        await using var db = database.NewContext();
        var t2001 = await db.Orders.Include(o => o.Lines).SingleAsync(o => o.ExternalId == "T2001", Ct);
        Assert.Equal((3, 3200L), (t2001.Lines.Count, t2001.PaidAmount));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_row_of_an_order_already_written_by_this_run_is_quarantined_with_its_reason_not_dropped(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var files = new SampleFiles();
        var request = new RunImport(files.Csv("o.csv", Interleaved), ImportKind.Orders, "shop", BatchSize: 1, OrderWindow: 1);

        var report = await Importer.ImportAsync(database, request, Ct);

        Assert.Equal((5L, 2L, 3L), (report.RowsRead, report.RowsAccepted, report.RowsRejected));
        Assert.Equal((2L, 2L, 0L), (report.OrdersCreated, report.OrderLinesCreated, report.DuplicatesSkipped));
        Assert.Equal([3, 4, 5], report.Rejections.Select(r => r.Row).Order());
        Assert.All(report.Rejections, r => Assert.StartsWith("Order already imported with different lines", r.Reasons[0]));
        var late = report.Rejections.OrderBy(r => r.Row).Select(r => Assert.Single(r.Problems)).ToList();
        Assert.Equal([(ProblemCode.LateOrderRow, "T2001"), (ProblemCode.LateOrderRow, "T2002"), (ProblemCode.LateOrderRow, "T2001")], late.Select(p => (p.Code, p.Args["orderId"])));
        await using var db = database.NewContext();
        Assert.Equal(3, await db.Set<QuarantinedRow>().CountAsync(Ct));

        // A second run writes nothing and the far rows stay in quarantine (it sees the orders as an earlier run's).
        var again = await Importer.ImportAsync(database, request, Ct);
        Assert.Equal((5L, 0L), (again.RowsRead, again.OrdersCreated));
        Assert.Equal(again.RowsRead, again.RowsAccepted + again.RowsRejected);
        Assert.Equal(2, await db.OrderLines.CountAsync(Ct));
        Assert.Equal(3, await db.Set<QuarantinedRow>().CountAsync(Ct));
    }
}
