using Patron.Ingestion.Import;
using Patron.Ingestion.Import.Mapping;
using Patron.Ingestion.Import.Reading;

namespace Patron.Tests.Ingestion.Import;

public sealed class CleanAheadTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;
    static readonly string[] Headers = ["订单编号", "联系手机", "订单付款时间", "商品名称", "小计"];

    static RowCleaner Cleaner()
    {
        var mapping = ColumnMapping.Suggest(ImportKind.Orders, Headers);
        return new RowCleaner(mapping, mapping.Resolve(Headers).Index, "shop", DateTime.UtcNow);
    }

    static IEnumerable<SourceRow> Rows(int count, int failAt = -1)
    {
        for (var i = 1; i <= count; i++)
        {
            if (i == failAt) throw new InvalidDataException($"row {i} is unreadable");
            yield return new SourceRow(i, [$"T{i}", i % 7 == 0 ? "12345" : "13800138000", "2024-03-05 14:23:11", "苹果", "1.00"]);
        }
    }

    [Fact]
    public async Task Rows_come_out_cleaned_and_in_file_order_across_many_chunks()
    {
        var seen = new List<CleanRow>();
        await foreach (var row in CleanAhead.Rows(Rows(5_000), Cleaner(), Ct)) seen.Add(row);

        Assert.Equal(Enumerable.Range(1, 5_000).Select(i => (long)i), seen.Select(r => r.Source.Number));
        Assert.Equal(5_000 / 7, seen.Count(r => r.Rejected));
        Assert.All(seen, r => Assert.Equal($"T{r.Source.Number}", r.OrderId));
    }

    [Fact]
    public async Task A_failure_while_reading_surfaces_in_the_callers_loop_after_the_rows_before_it()
    {
        var seen = 0;
        var e = await Assert.ThrowsAsync<InvalidDataException>(async () =>
        {
            await foreach (var _ in CleanAhead.Rows(Rows(5_000, failAt: 3_000), Cleaner(), Ct)) seen++;
        });

        Assert.Equal("row 3000 is unreadable", e.Message);
        Assert.Equal(2_999, seen);
    }

    [Fact]
    public async Task Leaving_the_loop_early_stops_the_reader()
    {
        var read = 0;
        IEnumerable<SourceRow> Counted() { foreach (var r in Rows(1_000_000)) { Interlocked.Increment(ref read); yield return r; } }

        await foreach (var row in CleanAhead.Rows(Counted(), Cleaner(), Ct))
            if (row.Source.Number == 10) break;
        var stopped = Volatile.Read(ref read);
        await Task.Delay(100, Ct);

        Assert.Equal(stopped, Volatile.Read(ref read));
        Assert.InRange(stopped, 10, 100_000);
    }
}
