using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Patron.Cli.Files;
using Patron.Engine.Rfm;
using Spectre.Console;

namespace Patron.Cli.Commands;

/// <summary>
/// patron analyze rfm: RFM scores and segments per customer from a transactions file, no database.
/// Returns and cancellations: a purchase is an order whose lines sum to more than zero, so a cancellation or return
/// booked as its own order (Online Retail's C-invoices, with negative quantities) is not counted in frequency and
/// does not move recency, while monetary is net spend: every line is summed, returns included. This needs no
/// knowledge of a shop's invoice-number conventions, and it is the issue's definition (refunded and cancelled
/// orders excluded from frequency, monetary as net spend). See RfmAggregation for the exact rules.
/// </summary>
static class AnalyzeRfmCommand
{
    public const string Header = "customer_id,recency_days,frequency,monetary,r_score,f_score,m_score,segment";

    public static Command Create(CliContext context)
    {
        var transactions = new Option<string>("--transactions") { Description = "Transactions file: CSV with any delimiter, whitespace-separated or gzip.", Required = true };
        var customerCol = new Option<string?>("--customer-col") { Description = "Customer id column, by header name or 1-based position (default: found from the header)." };
        var orderCol = new Option<string?>("--order-col") { Description = "Order/invoice column; without one, each customer's purchase days are the orders." };
        var dateCol = new Option<string?>("--date-col") { Description = "Purchase date column." };
        var amountCol = new Option<string?>("--amount-col") { Description = "Line amount column; or give --quantity-col and --price-col." };
        var quantityCol = new Option<string?>("--quantity-col") { Description = "Quantity column (amount = quantity × price)." };
        var priceCol = new Option<string?>("--price-col") { Description = "Unit price column (amount = quantity × price)." };
        var dateFormat = new Option<string?>("--date-format") { Description = "Date format such as yyyy-MM-dd HH:mm (default: the common formats are tried)." };
        var noHeader = new Option<bool>("--no-header") { Description = "The first line is data; name columns by position." };
        var asOf = new Option<DateOnly?>("--as-of") { Description = "Day the recency is counted to (yyyy-MM-dd); later lines are left out. Default: the day after the last date in the file." };
        var rejects = new Option<string?>("--rejects") { Description = "Write the lines that could not be used (no customer id, unreadable date or amount) here, with the reason." };
        var lang = new Option<string>("--lang") { Description = "Language of the summary and the segment names.", DefaultValueFactory = _ => "zh" };
        lang.AcceptOnlyFromAmong("zh", "en");
        var output = new Option<string>("--out") { Description = "Output CSV: " + Header + ", sorted by customer id.", Required = true };

        var command = new Command("rfm",
            "RFM per customer: recency (days from the last purchase to the as-of day), frequency (purchases) and monetary (net spend), " +
            "scores 1–5 by quintiles (equal values score alike) and the named segment. A purchase is an order whose lines sum to more than zero: " +
            "cancellations and returns booked as their own orders (such as C-invoices) do not count toward frequency or recency, " +
            "but monetary sums every line, returns included. A customer with no purchase has an empty recency_days.")
        {
            transactions, customerCol, orderCol, dateCol, amountCol, quantityCol, priceCol, dateFormat, noHeader, asOf, rejects, lang, output,
        };
        command.SetAction(parse =>
        {
            var columns = new TransactionColumns(parse.GetValue(customerCol), parse.GetValue(orderCol), parse.GetValue(dateCol),
                parse.GetValue(amountCol), parse.GetValue(quantityCol), parse.GetValue(priceCol), parse.GetValue(dateFormat), !parse.GetValue(noHeader));
            var outPath = parse.GetValue(output)!;
            RequireFolder(outPath);
            var rejectsPath = parse.GetValue(rejects);
            if (rejectsPath is not null) RequireFolder(rejectsPath);
            var file = RfmInput.Load(parse.GetValue(transactions)!, columns, parse.GetValue(asOf));
            var values = RfmAggregation.Aggregate(file.Transactions(), file.Ids.Count, file.AsOf);
            var scores = RfmScores.ByQuintiles(values);
            Write(outPath, file.Ids, values, scores);
            if (rejectsPath is not null) RejectsFile.Write(rejectsPath, file.Rejected);
            PrintSummary(context.Console, file, scores, outPath, rejectsPath, parse.GetValue(lang) == "zh");
            return 0;
        });
        return command;
    }

    static void RequireFolder(string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null && !Directory.Exists(folder)) throw new CliException($"Folder not found for {path}.");
    }

    static void Write(string path, List<string> ids, RfmValues v, RfmScores s)
    {
        var order = Enumerable.Range(0, ids.Count).ToArray();
        Array.Sort(order, (a, b) => CompareIds(ids[a], ids[b]));
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
        writer.WriteLine(Header);
        var line = new StringBuilder();
        foreach (var i in order)
        {
            line.Clear()
                .Append(Csv(ids[i])).Append(',')
                .Append(v.RecencyDays[i] == RfmValues.NoPurchase ? "" : v.RecencyDays[i].ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(v.Frequency[i].ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(Math.Round(v.Monetary[i] / RfmInput.AmountScale, 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.InvariantCulture)).Append(',')
                .Append(s.R[i]).Append(',').Append(s.F[i]).Append(',').Append(s.M[i]).Append(',')
                .Append(RfmSegments.Info(s.Segment[i]).Key);
            writer.WriteLine(line);
        }
    }

    /// <summary>Ids made of digits sort by number ("9" before "10", as a spreadsheet would), then all others by ordinal.</summary>
    static int CompareIds(string a, string b)
    {
        bool an = a.Length > 0 && a.All(char.IsAsciiDigit), bn = b.Length > 0 && b.All(char.IsAsciiDigit);
        if (an != bn) return an ? -1 : 1;
        if (an)
        {
            var (ta, tb) = (a.TrimStart('0'), b.TrimStart('0'));
            var byNumber = ta.Length != tb.Length ? ta.Length.CompareTo(tb.Length) : string.CompareOrdinal(ta, tb);
            if (byNumber != 0) return byNumber;
        }
        return string.CompareOrdinal(a, b);
    }

    static string Csv(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : "\"" + field.Replace("\"", "\"\"") + "\"";

    static void PrintSummary(IAnsiConsole console, RfmInput f, RfmScores s, string outPath, string? rejectsPath, bool zh)
    {
        string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
        console.MarkupLineInterpolated(zh
            ? (FormattableString)$"RFM 截至 [bold]{f.AsOf:yyyy-MM-dd}[/]：[bold]{N(f.Ids.Count)}[/] 位客户，[bold]{N(f.Customer.Count)}[/] 笔交易。"
            : $"RFM as of [bold]{f.AsOf:yyyy-MM-dd}[/]: [bold]{N(f.Ids.Count)}[/] customers from [bold]{N(f.Customer.Count)}[/] transactions.");
        if (f.AfterAsOf > 0) console.MarkupLineInterpolated(zh
            ? (FormattableString)$"{N(f.AfterAsOf)} 笔交易晚于截止日，未计入。"
            : $"{N(f.AfterAsOf)} transactions dated after the as-of day were left out.");
        if (f.Rejected.Count > 0)
        {
            // Reasons carry the offending value ("unreadable date '31/02'"); group them by the part before it.
            var reasons = f.Rejected.GroupBy(r => r.Reason.Split(" '")[0]).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {N(g.Count())}");
            // The reasons come from the file reader, in English, as written to the rejects file.
            console.MarkupLineInterpolated(zh
                ? (FormattableString)$"[yellow]{N(f.Rejected.Count)} 行未读入[/]：{string.Join(", ", reasons)}。"
                : $"[yellow]{N(f.Rejected.Count)} lines rejected[/]: {string.Join(", ", reasons)}.");
            if (rejectsPath is null) console.MarkupLine(zh ? "未读入的行没有保存：加上 --rejects FILE 可保留。" : "Rejected lines not written: add --rejects FILE to keep them.");
            else console.MarkupLineInterpolated(zh ? (FormattableString)$"未读入的行已写入 [bold]{rejectsPath}[/]。" : $"Rejected lines written to [bold]{rejectsPath}[/].");
        }
        var table = new Table()
            .AddColumn(zh ? "客户分群" : "Segment")
            .AddColumn(zh ? "键" : "Key")
            .AddColumn(new TableColumn(zh ? "客户数" : "Customers").RightAligned())
            .AddColumn(new TableColumn(zh ? "占比" : "Share").RightAligned());
        var counts = new long[RfmSegments.All.Count];
        foreach (var segment in s.Segment) counts[(int)segment]++;
        foreach (var info in RfmSegments.All)
        {
            var share = s.Segment.Length == 0 ? 0 : 100.0 * counts[(int)info.Segment] / s.Segment.Length;
            table.AddRow(Markup.Escape(info.Name(zh)), info.Key, N(counts[(int)info.Segment]), share.ToString("0.0", CultureInfo.InvariantCulture) + " %");
        }
        console.Write(table);
        console.MarkupLineInterpolated(zh ? (FormattableString)$"已写入 {N(f.Ids.Count)} 行：[bold]{outPath}[/]。" : $"Wrote {N(f.Ids.Count)} rows to [bold]{outPath}[/].");
    }
}
