using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Patron.Platform;

namespace Patron.Web.Tests.Cli;

public sealed class ImportCommandTests
{
    const string Orders =
        "订单编号,买家会员名,收货人姓名,联系手机,收货地址,订单付款时间,实付金额,商品名称,数量\n" +
        "T1,小明,王小明,138 0013 8000,上海浦东新区张江路1号,2024-03-05 14:23:11,¥25.80,有机苹果,2\n" +
        "T2,lily,李丽,12345,北京市朝阳区,2024-03-06 09:05:00,12.00,牛奶,1\n" +
        "T3,小明,王小明,13800138000,上海浦东新区张江路1号,2024-03-07 10:00:00,8.00,香蕉,1\n";

    static async Task<(CliRun.TempSqlite Db, string Folder)> SetUpAsync()
    {
        var file = CliRun.NewSqliteFile();
        Assert.Equal(0, (await CliRun.RunAsync(file.Options, "db", "migrate")).ExitCode);
        var folder = Directory.CreateTempSubdirectory("patron-import-cli-").FullName;
        // GBK, as Excel saves a CSV on a Chinese Windows.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        await File.WriteAllBytesAsync(Path.Combine(folder, "orders.csv"), Encoding.GetEncoding("GB18030").GetBytes(Orders), TestContext.Current.CancellationToken);
        return (file, folder);
    }

    [Fact]
    public async Task Import_json_prints_the_report_and_a_second_run_only_skips_duplicates()
    {
        var (db, folder) = await SetUpAsync();
        using var _ = db;
        var path = Path.Combine(folder, "orders.csv");

        var first = await CliRun.RunAsync(db.Options, "import", "orders", path, "--source", "taobao", "--preset", "online-shop", "--json");
        var second = await CliRun.RunAsync(db.Options, "import", "orders", path, "--source", "taobao", "--json");

        Assert.True(first.ExitCode == 0, first.Error);
        var a = JsonDocument.Parse(first.Output).RootElement;
        var b = JsonDocument.Parse(second.Output).RootElement;
        Assert.Equal((3, 2, 1), (a.GetProperty("rowsRead").GetInt64(), a.GetProperty("rowsAccepted").GetInt64(), a.GetProperty("rowsRejected").GetInt64()));
        Assert.Equal((2, 1, 1), (a.GetProperty("ordersCreated").GetInt64(), a.GetProperty("customersCreated").GetInt64(), a.GetProperty("customersMatched").GetInt64()));
        Assert.Equal("completed", a.GetProperty("status").GetString());
        Assert.Equal(2, a.GetProperty("rejections")[0].GetProperty("row").GetInt64());
        Assert.Equal((0, 2), (b.GetProperty("ordersCreated").GetInt64(), b.GetProperty("duplicatesSkipped").GetInt64()));
        await using var check = PatronDatabase.Create(db.Options);
        Assert.Equal(2, await check.Orders.CountAsync(TestContext.Current.CancellationToken));
        Directory.Delete(folder, true);
    }

    [Fact]
    public async Task Preview_prints_cleaned_values_and_problems_and_writes_nothing()
    {
        var (db, folder) = await SetUpAsync();
        using var _ = db;

        var run = await CliRun.RunAsync(db.Options, "import", "orders", Path.Combine(folder, "orders.csv"), "--preview");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("mobile=+8613800138000", run.Output);
        Assert.Contains("mobile '12345'", run.Output);
        await using var check = PatronDatabase.Create(db.Options);
        Assert.Equal(0, await check.Orders.CountAsync(TestContext.Current.CancellationToken));
        Directory.Delete(folder, true);
    }

    [Fact]
    public async Task The_quarantine_downloads_as_csv_with_the_original_row_and_the_reason()
    {
        var (db, folder) = await SetUpAsync();
        using var _ = db;
        var run = await CliRun.RunAsync(db.Options, "import", "orders", Path.Combine(folder, "orders.csv"), "--json");
        var job = JsonDocument.Parse(run.Output).RootElement.GetProperty("jobId").GetString()!;
        var output = Path.Combine(folder, "rejected.csv");

        var download = await CliRun.RunAsync(db.Options, "import", "quarantine", "--job", job, "--out", output);

        Assert.True(download.ExitCode == 0, download.Error);
        var lines = await File.ReadAllLinesAsync(output, TestContext.Current.CancellationToken);
        Assert.Equal(2, lines.Length);
        Assert.EndsWith(",patron_reasons", lines[0]);
        Assert.StartsWith("T2,lily,李丽,12345,", lines[1]);
        Assert.Contains("mobile '12345'", lines[1]);
        Directory.Delete(folder, true);
    }

    [Fact]
    public async Task An_edited_mapping_file_is_used_and_a_wrong_one_fails_with_its_reason()
    {
        var (db, folder) = await SetUpAsync();
        using var _ = db;
        var path = Path.Combine(folder, "orders.csv");
        var mappingPath = Path.Combine(folder, "mapping.json");

        var mapping = await CliRun.RunAsync(db.Options, "import", "mapping", "orders", path, "--out", mappingPath);
        Assert.True(mapping.ExitCode == 0, mapping.Error);
        var json = await File.ReadAllTextAsync(mappingPath, TestContext.Current.CancellationToken);
        Assert.Contains("\"orderId\": \"订单编号\"", json);
        await File.WriteAllTextAsync(mappingPath, json.Replace("\"订单编号\"", "\"单号\""), TestContext.Current.CancellationToken);

        var wrong = await CliRun.RunAsync(db.Options, "import", "orders", path, "--mapping", mappingPath);
        var unknown = await CliRun.RunAsync(db.Options, "import", "orders", path, "--preset", "nope");

        Assert.Equal(1, wrong.ExitCode);
        Assert.Contains("no column '单号'", Assert.Single(wrong.ErrorLines));
        Assert.Contains("online-shop", Assert.Single(unknown.ErrorLines));
        Directory.Delete(folder, true);
    }

    [Fact]
    public async Task Import_events_files_events_under_customers_from_an_orders_import_and_quarantines_unknown_ones()
    {
        var (db, folder) = await SetUpAsync();
        using var _ = db;
        var ct = TestContext.Current.CancellationToken;
        Assert.Equal(0, (await CliRun.RunAsync(db.Options, "import", "orders", Path.Combine(folder, "orders.csv"), "--source", "taobao")).ExitCode);
        var events = Path.Combine(folder, "events.csv");
        await File.WriteAllTextAsync(events, "手机,事件类型,时间,关键词\n13800138000,搜索,2024-03-08 10:00:00,苹果\n13900139000,到店,2024-03-08 11:00:00,\n", ct);

        var preview = await CliRun.RunAsync(db.Options, "import", "events", events, "--preview");
        var first = await CliRun.RunAsync(db.Options, "import", "events", events, "--source", "app", "--json");
        var second = await CliRun.RunAsync(db.Options, "import", "events", events, "--source", "app", "--json");

        Assert.True(preview.ExitCode == 0, preview.Error);
        Assert.Contains("eventType=Search", preview.Output);
        Assert.True(first.ExitCode == 0, first.Error);
        var a = JsonDocument.Parse(first.Output).RootElement;
        var b = JsonDocument.Parse(second.Output).RootElement;
        Assert.Equal((2, 1, 1), (a.GetProperty("rowsRead").GetInt64(), a.GetProperty("eventsCreated").GetInt64(), a.GetProperty("rowsRejected").GetInt64()));
        Assert.StartsWith("Unknown customer", a.GetProperty("rejections")[0].GetProperty("reasons")[0].GetString());
        Assert.Equal((0, 1), (b.GetProperty("eventsCreated").GetInt64(), b.GetProperty("duplicatesSkipped").GetInt64()));
        await using var check = PatronDatabase.Create(db.Options);
        Assert.Equal(1, await check.CustomerEvents.CountAsync(ct));
        Directory.Delete(folder, true);
    }
}
