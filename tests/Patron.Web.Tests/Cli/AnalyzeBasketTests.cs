using System.Globalization;
using System.IO.Compression;
using System.Text.Json;

namespace Patron.Web.Tests.Cli;

public sealed class AnalyzeBasketTests : IDisposable
{
    readonly string folder = Directory.CreateTempSubdirectory("patron-basket-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    static Task<CliRun> Run(params string[] args) => CliRun.RunAsync(new Dictionary<string, string?>(), ["analyze", "basket", .. args]);

    string File(string name, string text)
    {
        var path = Path.Combine(folder, name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    static JsonElement Json(CliRun run)
    {
        Assert.True(run.ExitCode == 0, run.Error);
        return JsonDocument.Parse(run.Output).RootElement;
    }

    static string[] Labels(JsonElement rule, string side) => [.. rule.GetProperty(side).EnumerateArray().Select(e => e.GetString()!)];

    [Fact]
    public async Task Basket_lines_take_labels_exactly_as_written_and_count_a_repeat_once()
    {
        // "cheese " keeps its space, "\"tea\"" its quotes; the repeated milk in line 1 counts once; the blank line is skipped.
        var path = File("baskets.txt", "milk,cheese ,milk\nmilk,cheese \n\"tea\",milk\n\ncheese,\"tea\"\n");
        var json = Json(await Run("--baskets", path, "--min-support", "0.25", "--min-confidence", "0", "--top", "0", "--json"));
        Assert.Equal(4, json.GetProperty("baskets").GetInt32());
        Assert.Equal(4, json.GetProperty("items").GetInt32());
        Assert.Equal(1, json.GetProperty("skipped_lines").GetInt32());
        var rule = Assert.Single(json.GetProperty("rules").EnumerateArray(), r => Labels(r, "antecedent").SequenceEqual(["cheese "]) && Labels(r, "consequent").SequenceEqual(["milk"]));
        Assert.Equal(2, rule.GetProperty("count").GetInt32());
        Assert.Equal(3, rule.GetProperty("consequent_count").GetInt32());
        Assert.Equal(1.0, rule.GetProperty("confidence").GetDouble());
        Assert.Equal(JsonValueKind.Null, rule.GetProperty("conviction").ValueKind);
        Assert.Contains(json.GetProperty("rules").EnumerateArray(), r => Labels(r, "antecedent").SequenceEqual(["\"tea\""]));
    }

    [Fact]
    public async Task A_gzipped_order_lines_file_gives_the_same_rules_as_basket_lines()
    {
        var lines = File("b.txt", "a,b,c\na,b\nb,c\na,c\na,b,c\n");
        var orderLines = Path.Combine(folder, "lines.csv.gz");
        using (var gz = new StreamWriter(new GZipStream(System.IO.File.Create(orderLines), CompressionLevel.Fastest)))
            // Rows of one order are not adjacent; the header names are found without --basket-col and --item-col.
            gz.Write("order_id,product_name,qty\n1,a,1\n2,a,1\n1,b,2\n3,b,1\n3,c,1\n4,a,1\n2,b,1\n4,c,1\n5,a,1\n5,b,1\n5,c,1\n1,c,1\n");
        var fromLines = await Run("--baskets", lines, "--min-support", "0.2", "--min-confidence", "0.1", "--json", "--top", "0");
        var fromLong = await Run("--baskets", orderLines, "--format", "long", "--min-support", "0.2", "--min-confidence", "0.1", "--json", "--top", "0");
        Assert.Equal(Json(fromLines).GetProperty("rules_found").GetInt32(), Json(fromLong).GetProperty("rules_found").GetInt32());
        Assert.Equal(fromLines.Output, fromLong.Output);
        var byPosition = await Run("--baskets", orderLines, "--format", "long", "--basket-col", "1", "--item-col", "product_name",
            "--min-support", "0.2", "--min-confidence", "0.1", "--json", "--top", "0");
        Assert.Equal(fromLines.Output, byPosition.Output);
    }

    [Fact]
    public async Task The_rules_file_is_invariant_culture_with_inf_for_certain_rules()
    {
        // A comma-decimal culture: the options must still read "0.25" as a quarter and the file must still use dots.
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        var path = File("b.txt", "bread,butter\nbread,butter,jam\nbread\njam,tea\n");
        var output = Path.Combine(folder, "rules.csv");
        var run = await Run("--baskets", path, "--min-support", "0.25", "--min-confidence", "0.5", "--out", output);
        Assert.True(run.ExitCode == 0, run.Error);
        var rows = System.IO.File.ReadAllLines(output);
        Assert.Equal("antecedent,consequent,support,confidence,lift,leverage,conviction,antecedent_count,consequent_count,count", rows[0]);
        // butter => bread: 2 of 4 baskets, both butter baskets have bread (confidence 1), bread in 3: lift 4/3, leverage 0.5 − 0.5·0.75.
        Assert.Contains("butter,bread,0.5,1,1.3333333333333333,0.125,inf,2,3,2", rows);
        Assert.Contains("bread & jam,butter,0.25,1,2,0.125,inf,1,2,1", rows);
    }

    [Fact]
    public async Task Groceries_gives_Lantz_s_463_rules_with_herbs_first_and_readable_sentences()
    {
        var groceries = Groceries();
        var output = Path.Combine(folder, "rules.csv");
        var run = await Run("--baskets", groceries, "--min-support", "0.006", "--min-confidence", "0.25", "--top", "3", "--lang", "en", "--out", output);
        Assert.True(run.ExitCode == 0, run.Error);
        foreach (var expected in new[] { "9,835", "169", "747", "463", "{herbs} => {root vegetables}" }) Assert.Contains(expected, run.Output);
        Assert.Contains("1. 43% of customers who bought herbs also bought root vegetables, 4.0 times the average", run.Output);
        Assert.Equal(464, System.IO.File.ReadAllLines(output).Length);

        var zh = await Run("--baskets", groceries, "--min-support", "0.006", "--min-confidence", "0.25", "--top", "1", "--json");
        var json = Json(zh);
        Assert.Equal(463, json.GetProperty("rules_found").GetInt32());
        var top = Assert.Single(json.GetProperty("rules").EnumerateArray());
        Assert.Equal(3.956477, top.GetProperty("lift").GetDouble(), 1e-6);
        Assert.Equal("买了 herbs 的顾客 43% 也买 root vegetables，是平均的 4.0 倍", top.GetProperty("sentence").GetString());
    }

    [Fact]
    public async Task Bad_values_fail_with_one_line()
    {
        var path = File("b.txt", "a,b\n");
        var support = await Run("--baskets", path, "--min-support", "1.5", "--min-confidence", "0.5");
        Assert.Equal(1, support.ExitCode);
        Assert.Contains("--min-support", Assert.Single(support.ErrorLines));
        var column = await Run("--baskets", File("l.csv", "ticket,thing\n1,a\n"), "--format", "long", "--min-support", "0.5", "--min-confidence", "0.5");
        Assert.Equal(1, column.ExitCode);
        Assert.Contains("No basket column found in the header (ticket, thing)", Assert.Single(column.ErrorLines));
        Assert.Equal(2, (await Run("--baskets", path, "--format", "xml", "--min-support", "0.5", "--min-confidence", "0.5")).ExitCode);
        Assert.Equal(2, (await Run("--baskets", path, "--min-support", "0.5")).ExitCode);
    }

    static string Groceries() => Patron.Testing.SharedData.File("groceries", "groceries.csv");
}
