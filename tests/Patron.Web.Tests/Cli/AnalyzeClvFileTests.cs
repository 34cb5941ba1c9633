using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Patron.Web.Tests.Cli;

/// <summary>patron analyze clv on small generated files: options, rejects and the one-line errors.</summary>
public sealed class AnalyzeClvFileTests : IDisposable
{
    readonly string folder = Directory.CreateTempSubdirectory("patron-clv-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    static Task<CliRun> Clv(params string[] args) => CliRun.RunAsync(new Dictionary<string, string?>(), ["analyze", "clv", .. args]);

    /// <summary>
    /// 600 customers who join in January 2024 and buy at their own Poisson rate until they drop out (BG/NBD-like, so
    /// the fit converges). Each purchase is worth <paramref name="amount"/>(customer's number of purchases, random draw).
    /// </summary>
    string Transactions(Func<int, double, double>? amount = null, string extraLines = "")
    {
        var random = new Random(5);
        var csv = new StringBuilder(amount is null ? "customer_id,date\n" : "customer_id,date,amount\n");
        for (var c = 1; c <= 600; c++)
        {
            var rate = 0.02 + 0.1 * random.NextDouble();
            var dropout = 0.1 + 0.5 * random.NextDouble();
            var days = new List<int> { random.Next(31) };
            while (random.NextDouble() > dropout || days.Count == 1)
            {
                days.Add(days[^1] + 1 + (int)(-Math.Log(1 - random.NextDouble()) / rate));
                if (days[^1] > 300) { days.RemoveAt(days.Count - 1); break; }
            }
            foreach (var day in days)
            {
                var date = new DateOnly(2024, 1, 1).AddDays(day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                csv.Append(CultureInfo.InvariantCulture, $"C{c},{date}");
                if (amount is not null) csv.Append(CultureInfo.InvariantCulture, $",{amount(days.Count, random.NextDouble()):0.00}");
                csv.Append('\n');
            }
        }
        var path = Path.Combine(folder, "transactions.csv");
        File.WriteAllText(path, csv + extraLines);
        return path;
    }

    static readonly string[] Calibration = ["--calibration-end", "2024-06-30", "--time-unit", "day"];

    [Fact]
    public async Task Without_amounts_the_spend_model_and_the_CLV_are_left_out()
    {
        var output = Path.Combine(folder, "out.csv");
        var run = await Clv(["--transactions", Transactions(), .. Calibration, "--json", "--out", output]);
        Assert.True(run.ExitCode == 0, run.Error);
        var json = JsonDocument.Parse(run.Output).RootElement;
        Assert.Equal(["model", "params", "log_likelihood", "customers"], json.EnumerateObject().Select(p => p.Name));
        var first = File.ReadLines(output).Skip(1).First().Split(',');
        Assert.Equal("", first[6]);   // expected_value
        Assert.Equal("", first[7]);   // clv
    }

    [Fact]
    public async Task Unreadable_lines_are_written_to_the_rejects_file_with_their_reason()
    {
        var rejects = Path.Combine(folder, "rejects.csv");
        var path = Transactions((_, u) => 20 + 30 * u, "C9,2024-13-45,12.00\nC9,2024-02-01,twelve\n");
        var run = await Clv(["--transactions", path, .. Calibration, "--rejects", rejects]);
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("2 lines could not be read", run.Output);
        var lines = File.ReadAllLines(rejects);
        Assert.Equal("line,reason,original", lines[0]);
        Assert.Contains("unreadable date '2024-13-45'", lines[1]);
        Assert.Contains("unreadable amount 'twelve'", lines[2]);
    }

    [Fact]
    public async Task Frequency_and_value_moving_together_raise_the_independence_warning()
    {
        // Frequent buyers spend more per purchase: exactly what the Gamma-Gamma model assumes away.
        var run = await Clv(["--transactions", Transactions((n, u) => 10 * n + 5 * u), .. Calibration]);
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("warning:", run.Output);
        Assert.Contains("assumes they are independent", run.Output);
        var json = await Clv(["--transactions", Transactions((n, u) => 10 * n + 5 * u), .. Calibration, "--json"]);
        Assert.Contains("note: Frequency and average value are correlated", json.Error);
        JsonDocument.Parse(json.Output);   // stdout stays pure JSON
    }

    [Fact]
    public async Task A_holdout_that_ends_before_calibration_fails_with_one_line()
    {
        var run = await Clv(["--transactions", Transactions(), .. Calibration, "--holdout-end", "2024-06-01"]);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--holdout-end must be after --calibration-end", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public async Task Data_without_repeat_purchases_fails_with_one_line()
    {
        var path = Path.Combine(folder, "once.csv");
        File.WriteAllText(path, "customer_id,date\nA,2024-01-02\nB,2024-01-05\nC,2024-02-01\n");
        var run = await Clv(["--transactions", path, .. Calibration]);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("No customer made a repeat purchase", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public async Task Bad_settings_and_missing_options_are_refused()
    {
        var path = Transactions();
        var margin = await Clv(["--transactions", path, .. Calibration, "--margin", "1.5"]);
        Assert.Equal(1, margin.ExitCode);
        Assert.Contains("margin", Assert.Single(margin.ErrorLines));
        Assert.Equal(2, (await Clv(["--transactions", path, "--time-unit", "day"])).ExitCode);
        Assert.Equal(2, (await Clv(["--transactions", path, "--calibration-end", "2024-06-30", "--time-unit", "month"])).ExitCode);
        var missing = await Clv(["--transactions", Path.Combine(folder, "nope.csv"), .. Calibration]);
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("File not found", Assert.Single(missing.ErrorLines));
    }
}
