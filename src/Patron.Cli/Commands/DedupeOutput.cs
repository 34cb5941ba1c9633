using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using CsvHelper;
using Patron.Cli.Files;
using Patron.Engine.Matching;
using Spectre.Console;

namespace Patron.Cli.Commands;

/// <summary>What patron dedupe found, for the summary, the JSON and the files.</summary>
sealed record DedupeSummary(DedupeInput Input, Resolution Resolution, bool Linking, TimeSpan Read, TimeSpan Matched)
{
    /// <summary>Cluster numbers from 1 in the order the clusters first occur in the input.</summary>
    public int[] ClusterNumbers()
    {
        var numbers = new Dictionary<int, int>();
        return [.. Resolution.Cluster.Select(c => numbers.TryGetValue(c, out var n) ? n : numbers[c] = numbers.Count + 1)];
    }
}

static class DedupeOutput
{
    public static void WriteClusters(string path, DedupeSummary s)
    {
        using var writer = new StreamWriter(path);
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        if (s.Linking) csv.WriteField("source");
        csv.WriteField("id"); csv.WriteField("cluster_id");
        csv.NextRecord();
        var numbers = s.ClusterNumbers();
        for (var i = 0; i < numbers.Length; i++)
        {
            if (s.Linking) csv.WriteField(s.Input.Source[i] + 1);
            csv.WriteField(s.Input.Ids[i]); csv.WriteField(numbers[i]);
            csv.NextRecord();
        }
    }

    /// <summary>One row per pair with each field's contribution: the score is their sum, so a reviewer sees why.</summary>
    public static void WritePairs(string path, DedupeSummary s, IReadOnlyList<MatchField> fields)
    {
        using var writer = new StreamWriter(path);
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        foreach (var name in new[] { "id_a", "id_b", "score", "decision" }.Concat(fields.Select(f => f.Name))) csv.WriteField(name);
        csv.NextRecord();
        foreach (var p in s.Resolution.Pairs)
        {
            csv.WriteField(s.Input.Ids[p.A]); csv.WriteField(s.Input.Ids[p.B]);
            csv.WriteField(F(p.Score)); csv.WriteField(p.Decision == MatchDecision.Merge ? "merge" : "review");
            foreach (var c in p.Contributions) csv.WriteField(F(c));
            csv.NextRecord();
        }
    }

    public static void WriteJson(TextWriter output, DedupeSummary s)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            var r = s.Resolution;
            json.WriteStartObject();
            json.WriteString("mode", s.Linking ? "link" : "dedupe");
            json.WriteNumber("rows_read", s.Input.RowsRead);
            json.WriteNumber("rows_accepted", s.Input.Ids.Count);
            json.WriteNumber("rows_rejected", s.Input.Rejected.Count);
            json.WriteStartArray("fields");
            foreach (var (column, role) in s.Input.Fields) { json.WriteStartObject(); json.WriteString("column", column); json.WriteString("role", role.ToString()); json.WriteEndObject(); }
            json.WriteEndArray();
            json.WriteNumber("identifier_links", r.DeterministicLinks);
            json.WriteNumber("blocks", r.Blocks);
            json.WriteNumber("oversized_blocks_skipped", r.SkippedBlocks);
            json.WriteNumber("pairs_compared", r.PairsCompared);
            json.WriteNumber("pairs_merged", r.Merged);
            json.WriteNumber("pairs_to_review", r.Reviews);
            json.WriteNumber("clusters", r.Clusters);
            json.WriteNumber("seconds", Math.Round((s.Read + s.Matched).TotalSeconds, 3));
            json.WriteStartArray("rejected");
            foreach (var x in s.Input.Rejected)
            {
                json.WriteStartObject();
                json.WriteNumber("file", x.File); json.WriteNumber("line", x.Row.Line); json.WriteString("reason", x.Row.Reason);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    public static void Print(IAnsiConsole console, DedupeSummary s)
    {
        var r = s.Resolution;
        var grid = new Grid().AddColumn().AddColumn(new GridColumn().RightAligned());
        grid.AddRow("Rows read", N(s.Input.RowsRead));
        grid.AddRow("Rows rejected", N(s.Input.Rejected.Count));
        grid.AddRow("Identifier links", N(r.DeterministicLinks));
        grid.AddRow("Pairs compared", N(r.PairsCompared) + (r.SkippedBlocks > 0 ? $" ({N(r.SkippedBlocks)} oversized blocks skipped)" : ""));
        grid.AddRow("Pairs merged", N(r.Merged));
        grid.AddRow("Pairs to review", N(r.Reviews));
        grid.AddRow("Clusters", N(r.Clusters));
        grid.AddRow("Seconds", ((s.Read + s.Matched).TotalSeconds).ToString("0.00", CultureInfo.InvariantCulture));
        console.Write(grid);
        // Past the grid: a long list of columns would widen its first column for every row.
        console.Profile.Out.Writer.WriteLine("Fields compared: " + string.Join(", ", s.Input.Fields.Select(f => $"{f.Column} ({f.Role})")));
        foreach (var x in s.Input.Rejected.Take(10))
            console.MarkupLineInterpolated($"[yellow]rejected[/] file {x.File} line {x.Row.Line}: {x.Row.Reason}");
        if (s.Input.Rejected.Count > 10) console.MarkupLineInterpolated($"[yellow]… and {s.Input.Rejected.Count - 10} more rejected rows (--rejects FILE writes them all).[/]");
    }

    static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    static string F(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
