namespace Patron.Web.Tests.Cli;

public sealed class AnalyzeRfmTests : IDisposable
{
    readonly string folder = Directory.CreateTempSubdirectory("patron-rfm-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Cli", "Fixtures", name);

    static Task<CliRun> RunAsync(params string[] args) => CliRun.RunAsync(new Dictionary<string, string?>(), ["analyze", "rfm", .. args]);

    /// <summary>
    /// rfm-small.csv, by hand, as of 2024-07-01 (the day after its last date, 06-30). Ten customers, so a quintile
    /// score is 1 + ⌊(customers strictly worse) / 2⌋. Among the lines: 1003's cancellation C9 (−60.00, after its
    /// purchase S9) is not a purchase and leaves recency at S9's day; 1006 only returned goods (recency empty, scored
    /// as the least recent); 1007's order S16 nets to zero, so only S17 counts; 1002 and 1008 tie on every value and
    /// get the same scores; 1009's "1,000.00" carries a thousands separator; "9" sorts before "1001".
    /// The line without a customer and the one dated 2024-13-01 are rejected.
    /// </summary>
    [Fact]
    public async Task Rfm_on_the_small_fixture_writes_the_hand_computed_rows_and_the_rejects()
    {
        var output = Path.Combine(folder, "rfm.csv");
        var rejects = Path.Combine(folder, "rejects.csv");
        var run = await RunAsync("--transactions", Fixture("rfm-small.csv"), "--out", output, "--rejects", rejects, "--lang", "en");
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(await File.ReadAllTextAsync(Fixture("rfm-small.expected.csv"), Ct), await File.ReadAllTextAsync(output, Ct));
        Assert.Contains("RFM as of 2024-07-01: 10 customers from 23 transactions.", run.Output);
        Assert.Contains("2 lines rejected: no customer id 1, unreadable date 1.", run.Output);
        Assert.Contains("Rejected lines written to", run.Output);
        Assert.Contains("Need attention", run.Output);
        var rejected = await File.ReadAllLinesAsync(rejects, Ct);
        Assert.Equal(["line,reason,original", "25,no customer id,\"S21,,2024-06-30 17:00,5.00\""], rejected[..2]);
        Assert.StartsWith("26,unreadable date '2024-13-01 10:00',", rejected[2]);
    }

    [Fact]
    public async Task An_earlier_as_of_day_leaves_later_lines_out()
    {
        var output = Path.Combine(folder, "rfm.csv");
        var run = await RunAsync("--transactions", Fixture("rfm-small.csv"), "--out", output, "--as-of", "2024-06-15", "--lang", "en");
        Assert.True(run.ExitCode == 0, run.Error);
        // By 06-15 customer 9 had bought only S3 (06-10, 50.00); 1002 and 1008 had not bought at all and are absent.
        var lines = await File.ReadAllLinesAsync(output, Ct);
        Assert.StartsWith("9,5,1,50.00,", lines[1]);
        Assert.DoesNotContain(lines, l => l.StartsWith("1002,") || l.StartsWith("1008,"));
        Assert.Contains("transactions dated after the as-of day were left out", run.Output);
    }

    [Fact]
    public async Task The_summary_is_in_Chinese_by_default_and_says_where_rejects_can_go()
    {
        var run = await RunAsync("--transactions", Fixture("rfm-small.csv"), "--out", Path.Combine(folder, "rfm.csv"));
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("冠军客户", run.Output);
        Assert.Contains("需要关注客户", run.Output);
        Assert.Contains("RFM 截至 2024-07-01：10 位客户，23 笔交易。", run.Output);
        Assert.Contains("加上 --rejects FILE 可保留", run.Output);
    }

    [Fact]
    public async Task A_file_without_an_amount_fails_with_one_line()
    {
        var input = Path.Combine(folder, "no-amount.csv");
        await File.WriteAllTextAsync(input, "customer_id,date\n1,2024-01-01\n", Ct);
        var run = await RunAsync("--transactions", input, "--out", Path.Combine(folder, "rfm.csv"));
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--amount-col", Assert.Single(run.ErrorLines));
    }

    /// <summary>
    /// Expected values from an independent script (python3, standard library only: csv, gzip, decimal, datetime):
    /// skip rows with an empty CustomerID; customer = int(Decimal(CustomerID)); per (customer, InvoiceNo) sum
    /// Decimal(Quantity) × Decimal(UnitPrice) and keep the invoice's date (InvoiceDate[:10]); as-of = the latest date
    /// + 1 day = 2011-12-10; frequency = invoices with a total &gt; 0, monetary = sum of all invoice totals rounded
    /// half-up to 0.01, recency = (as-of − latest date of an invoice with a total &gt; 0).days, empty when there is
    /// none. It found 406,829 rows, 4,372 customers and 34 of them with no purchase; the same script, extended with
    /// the quintile rule and the segment grid, produced a file byte-identical to the command's output.
    /// </summary>
    [Fact]
    public async Task Rfm_on_Online_Retail_matches_an_independent_computation()
    {
        var data = OnlineRetail();
        var output = Path.Combine(folder, "online-retail-rfm.csv");
        var run = await RunAsync("--transactions", data, "--out", output, "--lang", "en");
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("RFM as of 2011-12-10: 4,372 customers from 406,829 transactions.", run.Output);
        Assert.Contains("135,080 lines rejected: no customer id 135,080.", run.Output);
        var rows = (await File.ReadAllLinesAsync(output, Ct)).Skip(1).ToDictionary(l => l[..l.IndexOf(',')], l => string.Join(',', l.Split(',')[1..4]));
        Assert.Equal(4372, rows.Count);
        Assert.Equal(34, rows.Values.Count(v => v.StartsWith(',')));
        Assert.Equal("326,1,0.00", rows["12346"]);        // one large order, cancelled the same day: net 0
        Assert.Equal("3,7,4310.00", rows["12347"]);
        Assert.Equal("373,34,5288.63", rows["17850"]);
        Assert.Equal("2,201,132572.62", rows["14911"]);
        Assert.Equal("1,60,256438.49", rows["18102"]);
        Assert.Equal("1,2,2.90", rows["16446"]);          // 80,995 units and their C-invoice: the order still counts, the spend nets out
        Assert.Equal(",0,0.00", rows["13256"]);           // no purchase: a zero-value order only
    }

    static string OnlineRetail() => Patron.Testing.SharedData.File("online-retail", "online_retail.csv.gz");

    static CancellationToken Ct => TestContext.Current.CancellationToken;
}
