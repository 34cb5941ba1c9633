using System.CommandLine;
using System.CommandLine.Parsing;
using System.Diagnostics;
using System.Globalization;
using Patron.Engine.Basket;
using Spectre.Console;

namespace Patron.Cli.Commands;

/// <summary>
/// patron analyze basket: frequent itemsets by FP-Growth and association rules from a basket file, no database.
/// Rules have one item on the right-hand side, as in arules' apriori(), so results compare with the literature.
/// </summary>
static class AnalyzeBasketCommand
{
    const string BasketLines = "basket-lines", Long = "long";

    public static Command Create(CliContext context)
    {
        var baskets = new Option<string>("--baskets") { Description = "The basket file (gzip accepted).", Required = true };
        var format = new Option<string>("--format")
        {
            Description = $"{BasketLines}: one basket per line, item labels separated by commas, taken exactly as written. " +
                $"{Long}: a delimited file with a header and one row per basket and item (e.g. order lines).",
            DefaultValueFactory = _ => BasketLines,
        };
        format.AcceptOnlyFromAmong(BasketLines, Long);
        var basketCol = new Option<string?>("--basket-col") { Description = $"{Long}: the basket column, by name or 1-based position (default: found from the header, e.g. order_id)." };
        var itemCol = new Option<string?>("--item-col") { Description = $"{Long}: the item column, by name or 1-based position (default: found from the header, e.g. product_id)." };
        var minSupport = new Option<double>("--min-support") { Description = "Smallest share of baskets an itemset must occur in, in (0, 1].", Required = true, CustomParser = CliNumbers.Invariant };
        var minConfidence = new Option<double>("--min-confidence") { Description = "Smallest confidence of a rule, in [0, 1].", Required = true, CustomParser = CliNumbers.Invariant };
        var minLift = new Option<double?>("--min-lift") { Description = "Smallest lift of a rule (1 = independence).", CustomParser = r => CliNumbers.Invariant(r) };
        var maxLength = new Option<int?>("--max-length") { Description = "Most items in an itemset, so in a rule (default: no limit)." };
        var top = new Option<int>("--top") { Description = "Rules shown, strongest lift first (also in --json; 0 = all).", DefaultValueFactory = _ => 20 };
        var lang = new Option<string>("--lang") { Description = "Language of the rule sentences.", DefaultValueFactory = _ => "zh" };
        lang.AcceptOnlyFromAmong("zh", "en");
        var json = new Option<bool>("--json") { Description = "Print a JSON object with the counts and the rules instead of tables." };
        var output = new Option<string?>("--out")
        {
            Description = "Write every rule to this CSV file: antecedent,consequent,support,confidence,lift,leverage,conviction,antecedent_count," +
                $"consequent_count,count; items of one side joined with '{BasketSummary.ItemSeparator}', conviction 'inf' when confidence is 1.",
        };

        var command = new Command("basket", "Frequent itemsets (FP-Growth) and association rules with support, confidence, lift, leverage and conviction; one item on the right of each rule, as in arules' apriori().")
        {
            baskets, format, basketCol, itemCol, minSupport, minConfidence, minLift, maxLength, top, lang, json, output,
        };
        command.SetAction(parse =>
        {
            var (support, confidence, lift, length, shown) = (parse.GetValue(minSupport), parse.GetValue(minConfidence), parse.GetValue(minLift), parse.GetValue(maxLength), parse.GetValue(top));
            if (!(support > 0 && support <= 1)) throw new CliException($"--min-support must be in (0, 1] (was {support.ToString(CultureInfo.InvariantCulture)}).");
            if (!(confidence is >= 0 and <= 1)) throw new CliException($"--min-confidence must be in [0, 1] (was {confidence.ToString(CultureInfo.InvariantCulture)}).");
            if (lift is < 0 || (lift is { } l && double.IsNaN(l))) throw new CliException("--min-lift must not be negative.");
            if (length is < 1) throw new CliException("--max-length must be at least 1.");
            if (shown < 0) throw new CliException("--top must not be negative.");

            var clock = Stopwatch.StartNew();
            var input = parse.GetValue(format) == Long
                ? AnalyzeBasketInput.ReadLong(parse.GetValue(baskets)!, parse.GetValue(basketCol), parse.GetValue(itemCol))
                : AnalyzeBasketInput.ReadLines(parse.GetValue(baskets)!);
            var read = clock.Elapsed;
            clock.Restart();
            var itemsets = FpGrowth.Mine(input.Baskets, support, length);
            var rules = AssociationRules.Generate(itemsets, confidence, lift);
            var mined = clock.Elapsed;
            var summary = new BasketSummary(input.Baskets.Count, input.Labels.Length, input.Skipped, support, itemsets.MinCount, confidence, lift, length,
                itemsets.Itemsets.Count, rules, input.Labels, parse.GetValue(lang) == "en" ? SentenceLanguage.En : SentenceLanguage.Zh);

            if (parse.GetValue(output) is { } path) AnalyzeBasketOutput.WriteCsv(path, summary);
            var count = shown == 0 ? rules.Count : shown;
            if (parse.GetValue(json)) AnalyzeBasketOutput.WriteJson(context.Console.Profile.Out.Writer, summary, count);
            else Print(context.Console, summary, count, read, mined, parse.GetValue(output));
            return 0;
        });
        return command;
    }

    static void Print(IAnsiConsole console, BasketSummary s, int top, TimeSpan read, TimeSpan mined, string? path)
    {
        var counts = new Grid().AddColumn().AddColumn(new GridColumn().RightAligned());
        counts.AddRow("Baskets read", N(s.Baskets) + (s.Skipped > 0 ? $" ({N(s.Skipped)} blank or incomplete lines skipped)" : ""));
        counts.AddRow("Distinct items", N(s.Items));
        counts.AddRow("Minimum support", $"{s.MinSupport.ToString(CultureInfo.InvariantCulture)} ({N(s.MinCount)} baskets)");
        counts.AddRow("Frequent itemsets found", N(s.FrequentItemsets));
        counts.AddRow("Rules found", N(s.Rules.Count));
        console.Write(counts);
        console.MarkupLineInterpolated($"[grey]Read in {read.TotalSeconds:0.00} s, mined in {mined.TotalSeconds:0.00} s.[/]");
        if (path is not null) console.MarkupLineInterpolated($"All {N(s.Rules.Count)} rules written to {Path.GetFullPath(path)}.");
        if (s.Rules.Count == 0) return;

        var table = new Table().AddColumn("#").AddColumn("Rule").AddColumn(new TableColumn("Support").RightAligned())
            .AddColumn(new TableColumn("Confidence").RightAligned()).AddColumn(new TableColumn("Lift").RightAligned());
        var shown = s.Rules.Take(top).ToList();
        for (var k = 0; k < shown.Count; k++)
        {
            var r = shown[k];
            table.AddRow(new Text(N(k + 1)), new Text($"{{{s.Join(r.Antecedent)}}} => {{{s.Join(r.Consequent)}}}"),
                new Text(F(r.Support, "0.0000")), new Text(F(r.Confidence, "0.0000")), new Text(F(r.Lift, "0.000")));
        }
        console.Write(table);
        // Past Spectre, so that a sentence stays on one line when the output is piped or grepped (Spectre wraps at 80 columns there).
        for (var k = 0; k < shown.Count; k++) console.Profile.Out.Writer.WriteLine($"{k + 1}. {s.Sentence(shown[k])}");
    }

    /// <summary>"0.25" means a quarter whatever the machine's culture (the default parser reads it as 25 in de-DE).</summary>
    static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
