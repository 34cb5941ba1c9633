using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using CsvHelper;
using Patron.Engine.Basket;

namespace Patron.Cli.Commands;

/// <summary>What patron analyze basket found, for the table, the JSON and the rules file.</summary>
sealed record BasketSummary(
    int Baskets, int Items, long Skipped, double MinSupport, int MinCount, double MinConfidence, double? MinLift, int? MaxLength,
    int FrequentItemsets, IReadOnlyList<AssociationRule> Rules, string[] Labels, SentenceLanguage Language)
{
    /// <summary>Items of one side of a rule in a single field; " &amp; " because labels may hold commas and slashes.</summary>
    public const string ItemSeparator = " & ";

    public string Join(int[] items) => string.Join(ItemSeparator, items.Select(i => Labels[i]));

    public string Sentence(AssociationRule rule) => RuleSentence.Describe(rule, i => Labels[i], Language);
}

static class AnalyzeBasketOutput
{
    /// <summary>Every rule, invariant culture, conviction "inf" when the confidence is 1.</summary>
    public static void WriteCsv(string path, BasketSummary summary)
    {
        using var writer = new StreamWriter(path);
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        foreach (var name in new[] { "antecedent", "consequent", "support", "confidence", "lift", "leverage", "conviction", "antecedent_count", "consequent_count", "count" })
            csv.WriteField(name);
        csv.NextRecord();
        foreach (var r in summary.Rules)
        {
            csv.WriteField(summary.Join(r.Antecedent));
            csv.WriteField(summary.Join(r.Consequent));
            foreach (var value in new[] { r.Support, r.Confidence, r.Lift, r.Leverage, r.Conviction })
                csv.WriteField(double.IsPositiveInfinity(value) ? "inf" : value.ToString("R", CultureInfo.InvariantCulture));
            csv.WriteField(r.AntecedentCount); csv.WriteField(r.ConsequentCount); csv.WriteField(r.Count);
            csv.NextRecord();
        }
    }

    /// <summary>The counts and the first <paramref name="top"/> rules; JSON has no infinity, so conviction is null when the confidence is 1.</summary>
    public static void WriteJson(TextWriter output, BasketSummary summary, int top)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteNumber("baskets", summary.Baskets);
            json.WriteNumber("items", summary.Items);
            json.WriteNumber("skipped_lines", summary.Skipped);
            json.WriteNumber("min_support", summary.MinSupport);
            json.WriteNumber("min_count", summary.MinCount);
            json.WriteNumber("min_confidence", summary.MinConfidence);
            WriteNumberOrNull(json, "min_lift", summary.MinLift);
            WriteNumberOrNull(json, "max_length", summary.MaxLength);
            json.WriteNumber("frequent_itemsets", summary.FrequentItemsets);
            json.WriteNumber("rules_found", summary.Rules.Count);
            json.WriteStartArray("rules");
            foreach (var r in summary.Rules.Take(top))
            {
                json.WriteStartObject();
                WriteLabels(json, "antecedent", r.Antecedent, summary.Labels);
                WriteLabels(json, "consequent", r.Consequent, summary.Labels);
                json.WriteNumber("support", r.Support);
                json.WriteNumber("confidence", r.Confidence);
                json.WriteNumber("lift", r.Lift);
                json.WriteNumber("leverage", r.Leverage);
                WriteNumberOrNull(json, "conviction", double.IsPositiveInfinity(r.Conviction) ? null : r.Conviction);
                json.WriteNumber("antecedent_count", r.AntecedentCount);
                json.WriteNumber("consequent_count", r.ConsequentCount);
                json.WriteNumber("count", r.Count);
                json.WriteString("sentence", summary.Sentence(r));
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    static void WriteLabels(Utf8JsonWriter json, string name, int[] items, string[] labels)
    {
        json.WriteStartArray(name);
        foreach (var i in items) json.WriteStringValue(labels[i]);
        json.WriteEndArray();
    }

    static void WriteNumberOrNull(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v) json.WriteNumber(name, v);
        else json.WriteNull(name);
    }
}
