using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Patron.Cli.Files;
using Patron.Engine.Clv;
using Spectre.Console;

namespace Patron.Cli.Commands;

/// <summary>
/// patron analyze clv: BG/NBD and Gamma-Gamma on a transactions file, with a calibration/holdout check and
/// per-customer predictions. The models live in Patron.Engine.Clv; this file reads, maps ids and prints.
/// </summary>
static class AnalyzeClvCommand
{
    static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static Command Create(CliContext context)
    {
        var transactions = new Option<string>("--transactions") { Description = "Transactions file: CSV (any delimiter) or whitespace-separated, optionally gzip.", Required = true };
        var customerCol = new Option<string?>("--customer-col") { Description = "Customer column: header name, or 1-based position with --no-header." };
        var dateCol = new Option<string?>("--date-col") { Description = "Date column." };
        var amountCol = new Option<string?>("--amount-col") { Description = "Amount column; with amounts the Gamma-Gamma spend model and CLV are added." };
        var dateFormat = new Option<string?>("--date-format") { Description = "Date format, e.g. yyyyMMdd (default: common formats are recognised)." };
        var noHeader = new Option<bool>("--no-header") { Description = "The first line is data; name columns by position." };
        var calibrationEnd = new Option<DateOnly>("--calibration-end") { Description = "Last day of the calibration period (yyyy-MM-dd, included).", Required = true };
        var holdoutEnd = new Option<DateOnly?>("--holdout-end") { Description = "Last day of the holdout period: adds the predicted-against-actual report." };
        var unit = new Option<string>("--time-unit") { Description = "Unit of t_x, T and the parameter α.", Required = true };
        unit.AcceptOnlyFromAmong("day", "week");
        var horizon = new Option<int>("--horizon-months") { Description = "CLV and expected-purchases horizon in months.", DefaultValueFactory = _ => 12 };
        var discount = new Option<double>("--discount-rate") { Description = "Monthly discount rate for the CLV.", DefaultValueFactory = _ => 0.01, CustomParser = CliNumbers.Invariant };
        var margin = new Option<double>("--margin") { Description = "Margin on revenue, in (0, 1].", DefaultValueFactory = _ => 1.0, CustomParser = CliNumbers.Invariant };
        var rejects = new Option<string?>("--rejects") { Description = "Write lines that could not be read, with the reason, to this CSV." };
        var json = new Option<bool>("--json") { Description = "Print the fit as JSON instead of tables." };
        var output = new Option<string?>("--out") { Description = "Write per-customer predictions to this CSV." };

        var command = new Command("clv", "Customer lifetime value and churn risk: fits the BG/NBD purchase model (and Gamma-Gamma spend model with amounts) " +
            "to customers first seen by the calibration end. Same-day purchases of a customer count as one.")
        {
            transactions, customerCol, dateCol, amountCol, dateFormat, noHeader, calibrationEnd, holdoutEnd, unit,
            horizon, discount, margin, rejects, json, output,
        };
        command.SetAction(parse =>
        {
            var timeUnit = parse.GetValue(unit) == "day" ? ClvTimeUnit.Day : ClvTimeUnit.Week;
            var settings = new ClvSettings(parse.GetValue(horizon), parse.GetValue(discount), parse.GetValue(margin));
            var options = new SummaryOptions(parse.GetValue(calibrationEnd), timeUnit, parse.GetValue(holdoutEnd));
            if (options.HoldoutEnd <= options.CalibrationEnd) throw new CliException("--holdout-end must be after --calibration-end.");
            Engine(settings.Validate);
            var columns = new TransactionColumns(Customer: parse.GetValue(customerCol), Date: parse.GetValue(dateCol),
                Amount: parse.GetValue(amountCol), DateFormat: parse.GetValue(dateFormat), HasHeader: !parse.GetValue(noHeader));
            var file = parse.GetValue(transactions)!;
            var notes = new List<string>();
            var input = Read(file, columns, parse.GetValue(rejects), notes);
            var summaries = CalibrationSummaries.FromTransactions(input.Customer, input.Date, input.Amount, input.Ids.Count, options);
            if (summaries.Customers.Count == 0) throw new CliException($"No customer made a first purchase by {options.CalibrationEnd:yyyy-MM-dd}.");
            if (summaries.FirstSeenAfterCalibration > 0)
                notes.Add($"{N(summaries.FirstSeenAfterCalibration)} customers first seen after the calibration end are not modelled.");
            var result = Engine(() => ClvAnalysis.Run(summaries, timeUnit, settings));
            if (parse.GetValue(output) is { } outPath) WritePredictions(outPath, summaries, result, input.Ids, options);
            if (parse.GetValue(json))
            {
                context.Console.Profile.Out.Writer.WriteLine(Json(result, timeUnit));
                var error = parse.InvocationConfiguration.Error;
                foreach (var note in notes.Concat(Warnings(result))) error.WriteLine($"note: {note}");
            }
            else Print(context.Console, file, input, summaries, result, options, settings, notes, parse.GetValue(output));
            return 0;
        });
        return command;
    }

    sealed record Input(List<string> Ids, int[] Customer, DateTime[] Date, double[] Amount, int Rows);

    static Input Read(string path, TransactionColumns columns, string? rejectsPath, List<string> notes)
    {
        var rejected = new List<RejectedRow>();
        var index = new Dictionary<string, int>();
        var ids = new List<string>();
        var (customers, dates, amounts) = (new List<int>(), new List<DateTime>(), new List<double>());
        var allAmounts = true;
        foreach (var row in TransactionsFile.Read(path, columns, rejected))
        {
            if (!index.TryGetValue(row.Customer, out var c)) { c = ids.Count; index.Add(row.Customer, c); ids.Add(row.Customer); }
            customers.Add(c);
            dates.Add(row.Date);
            allAmounts &= row.Amount is not null;
            amounts.Add((double)(row.Amount ?? 0));
        }
        if (rejected.Count > 0)
        {
            if (rejectsPath is not null) RejectsFile.Write(rejectsPath, rejected);
            notes.Add($"{N(rejected.Count)} lines could not be read" + (rejectsPath is null ? " (see them with --rejects FILE)." : $"; written to {rejectsPath}."));
        }
        if (customers.Count == 0) throw new CliException($"No transactions could be read from {path}.");
        return new Input(ids, [.. customers], [.. dates], allAmounts ? [.. amounts] : [], customers.Count);
    }

    /// <summary>Engine argument errors (no repeat buyers, bad settings) are the user's data or options: one red line.</summary>
    static T Engine<T>(Func<T> run)
    {
        try { return run(); }
        catch (ArgumentException e) { throw new CliException(e.Message); }
    }

    static void Engine(Action run) => Engine(() => { run(); return 0; });

    static IEnumerable<string> Warnings(ClvResult result)
    {
        if (!result.BgNbd.Converged) yield return "The BG/NBD optimiser did not converge: treat the parameters with suspicion.";
        if (result.GammaGamma is { } gg && gg.CorrelationIsLarge)
            yield return $"Frequency and average value are correlated (r = {gg.FrequencyValueCorrelation:0.000}); the Gamma-Gamma model assumes they are independent, so its values are biased.";
        if (result.GammaGammaExcluded > 0)
            yield return $"{N(result.GammaGammaExcluded)} repeat customers with a mean value of zero or less are left out of the spend model.";
    }

    static string Json(ClvResult result, ClvTimeUnit unit)
    {
        using var stream = new MemoryStream();
        // Relaxed escaping: the output goes to a terminal or a script, not into HTML, so "7+" stays readable.
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            var p = result.BgNbd.Parameters;
            w.WriteStartObject();
            w.WriteString("model", "bg-nbd");
            w.WriteStartObject("params");
            w.WriteNumber("r", p.R); w.WriteNumber("alpha", p.Alpha); w.WriteNumber("a", p.A); w.WriteNumber("b", p.B);
            w.WriteEndObject();
            w.WriteNumber("log_likelihood", result.BgNbd.LogLikelihood);
            w.WriteNumber("customers", result.BgNbd.Customers);
            if (result.GammaGamma?.Parameters is { } g)
            {
                w.WriteStartObject("gamma_gamma");
                w.WriteNumber("p", g.P); w.WriteNumber("q", g.Q); w.WriteNumber("gamma", g.Gamma);
                w.WriteEndObject();
            }
            if (result.Holdout is { } h)
            {
                w.WriteStartObject("holdout");
                w.WriteNumber("length", h.Length);
                w.WriteString("unit", unit.ToString().ToLowerInvariant());
                w.WriteNumber("actual", h.Total.Actual);
                w.WriteNumber("predicted", h.Total.Predicted);
                w.WriteStartArray("buckets");
                foreach (var b in h.Buckets)
                {
                    w.WriteStartObject();
                    w.WriteString("x", b.Label); w.WriteNumber("customers", b.Customers);
                    w.WriteNumber("actual", b.Actual); w.WriteNumber("predicted", b.Predicted);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    static void Print(IAnsiConsole console, string file, Input input, CalibrationSummaries summaries, ClvResult result,
        SummaryOptions options, ClvSettings settings, List<string> notes, string? outPath)
    {
        var unit = options.Unit.ToString().ToLowerInvariant();
        console.MarkupLineInterpolated($"Read [bold]{N(input.Rows)}[/] transactions of [bold]{N(input.Ids.Count)}[/] customers from {Path.GetFileName(file)}.");
        console.MarkupLineInterpolated($"Calibration to {options.CalibrationEnd:yyyy-MM-dd}: [bold]{N(summaries.Customers.Count)}[/] customers; time unit: {unit}.");
        foreach (var note in notes) console.MarkupLineInterpolated($"[grey]{note}[/]");

        var fit = result.BgNbd;
        var bg = new Table().Title("BG/NBD (Fader, Hardie & Lee 2005)").AddColumn("parameter").AddColumn(new TableColumn("estimate").RightAligned()).AddColumn(new TableColumn("std. error").RightAligned());
        (string Name, double Value, double? Se)[] rows =
        [
            ("r", fit.Parameters.R, fit.StandardErrors?.R), ("α", fit.Parameters.Alpha, fit.StandardErrors?.Alpha),
            ("a", fit.Parameters.A, fit.StandardErrors?.A), ("b", fit.Parameters.B, fit.StandardErrors?.B),
        ];
        foreach (var (name, value, se) in rows) bg.AddRow(name, F(value, "0.0000"), se is { } s ? F(s, "0.0000") : "");
        bg.AddRow("log-likelihood", F(fit.LogLikelihood, "0.00"), "");
        bg.AddRow("customers", $"{fit.Customers.ToString("N0", Inv)} ({fit.Groups.ToString("N0", Inv)} distinct x, t_x, T)", "");
        console.Write(bg);

        if (result.GammaGamma is { } gg)
        {
            var spend = new Table().Title("Gamma-Gamma spend model (Fader, Hardie & Lee 2005, JMR)").AddColumn("parameter").AddColumn(new TableColumn("estimate").RightAligned()).AddColumn(new TableColumn("std. error").RightAligned());
            spend.AddRow("p", F(gg.Parameters.P, "0.0000"), gg.StandardErrors is { } s1 ? F(s1.P, "0.0000") : "");
            spend.AddRow("q", F(gg.Parameters.Q, "0.0000"), gg.StandardErrors is { } s2 ? F(s2.Q, "0.0000") : "");
            spend.AddRow("γ", F(gg.Parameters.Gamma, "0.0000"), gg.StandardErrors is { } s3 ? F(s3.Gamma, "0.0000") : "");
            spend.AddRow("log-likelihood", F(gg.LogLikelihood, "0.00"), "");
            spend.AddRow("customers (x > 0)", gg.Customers.ToString("N0", Inv), "");
            console.Write(spend);
            if (!gg.CorrelationIsLarge)
                console.MarkupLineInterpolated($"Frequency–value correlation r = {F(gg.FrequencyValueCorrelation, "0.000")}: below {F(GammaGammaFit.CorrelationWarning, "0.0")}, consistent with the model's independence assumption.");
        }
        foreach (var warning in Warnings(result)) console.MarkupLineInterpolated($"[yellow]warning:[/] {warning}");

        if (result.Holdout is { } h)
        {
            var table = new Table().Title($"Holdout {options.CalibrationEnd.AddDays(1):yyyy-MM-dd} to {options.HoldoutEnd:yyyy-MM-dd} ({F(h.Length, "0.##")} {unit}s): repeat purchases")
                .AddColumn("x in calibration");
            foreach (var c in new[] { "customers", "actual", "predicted", "actual / customer", "predicted / customer" }) table.AddColumn(new TableColumn(c).RightAligned());
            foreach (var b in h.Buckets.Append(h.Total))
            {
                var label = ReferenceEquals(b, h.Total) ? "[bold]total[/]" : b.Label;
                table.AddRow(label, b.Customers.ToString("N0", Inv), F(b.Actual, "N0"), F(b.Predicted, "N1"),
                    b.Customers > 0 ? F(b.Actual / b.Customers, "0.000") : "", b.Customers > 0 ? F(b.Predicted / b.Customers, "0.000") : "");
            }
            console.Write(table);
            console.MarkupLineInterpolated($"Predicted {F(h.Total.Predicted, "N1")} against {F(h.Total.Actual, "N0")} actual repeat purchases ({F(100 * (h.Total.Predicted / h.Total.Actual - 1), "+0.0;-0.0")}%).");
        }

        var predictions = result.Predictions;
        var money = result.GammaGamma is null ? "" :
            $" Total CLV {F(predictions.Sum(x => x.Clv ?? 0), "N2")} (monthly discount {F(settings.MonthlyDiscountRate, "0.###")}, margin {F(settings.Margin, "0.##")}).";
        console.MarkupLineInterpolated($"Next {settings.HorizonMonths} months: {F(predictions.Sum(x => x.ExpectedPurchases), "N1")} expected purchases; mean P(alive) {F(predictions.Average(x => x.ProbabilityAlive), "0.000")}; {N(predictions.Count(x => x.ProbabilityAlive < 0.3))} customers with P(alive) < 0.3.{money}");
        if (outPath is not null) console.MarkupLineInterpolated($"Wrote predictions for {N(predictions.Count)} customers to {outPath}.");
    }

    /// <summary>
    /// One line per modelled customer. next_purchase_if_alive is the calibration end plus the median wait for the next
    /// purchase given the customer is still active (see BgNbdModel.MedianTimeToNextPurchase); read it with p_alive.
    /// </summary>
    static void WritePredictions(string path, CalibrationSummaries summaries, ClvResult result, List<string> ids, SummaryOptions options)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        var holdout = result.Holdout is not null;
        writer.WriteLine("customer_id,x,t_x,T,p_alive,expected_purchases_horizon,expected_value,clv,churn_risk,next_purchase_if_alive"
            + (holdout ? ",holdout_purchases,holdout_predicted" : ""));
        var p = result.BgNbd.Parameters;
        for (var i = 0; i < summaries.Customers.Count; i++)
        {
            var (c, pr) = (summaries.Customers[i], result.Predictions[i]);
            var days = pr.MedianTimeToNextPurchase * (int)options.Unit;
            var next = days < 365_000 ? options.CalibrationEnd.AddDays((int)Math.Round(days)).ToString("yyyy-MM-dd", Inv) : "";
            var line = string.Join(',', Csv(ids[c.Customer]), c.X.ToString(Inv), F(c.Tx, "0.######"), F(c.T, "0.######"),
                F(pr.ProbabilityAlive, "0.######"), F(pr.ExpectedPurchases, "0.######"), pr.ExpectedValue is { } v ? F(v, "0.######") : "",
                pr.Clv is { } clv ? F(clv, "0.######") : "", F(pr.ChurnRisk, "0.######"), next);
            if (holdout)
                line += $",{c.HoldoutPurchases?.ToString(Inv)},{F(BgNbdModel.ConditionalExpectedPurchases(p, summaries.HoldoutLength!.Value, c.X, c.Tx, c.T), "0.######")}";
            writer.WriteLine(line);
        }
    }

    static string Csv(string s) => s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{s.Replace("\"", "\"\"")}\"" : s;

    static string F(double value, string format) => value.ToString(format, Inv);

    static string N(long value) => value.ToString("N0", Inv);
}
