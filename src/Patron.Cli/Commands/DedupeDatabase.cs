using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Patron.Customers.Contracts;
using Patron.Customers.Merging;
using Patron.Platform;
using Spectre.Console;

namespace Patron.Cli.Commands;

/// <summary>patron dedupe without --input: the batch run over the customers table, or with --dry-run what it would do.</summary>
static class DedupeDatabase
{
    const int Listed = 20;

    public static async Task<int> RunAsync(CliContext context, double upper, double review, bool dryRun, bool json, CancellationToken ct)
    {
        await using var services = context.BuildServices();
        await using var scope = services.CreateAsyncScope();
        await CliContext.RequireMigratedAsync(scope.ServiceProvider.GetRequiredService<PatronDb>(), ct);
        var report = await scope.ServiceProvider.GetRequiredService<RunMatchingHandler>().HandleAsync(new RunMatching(dryRun, upper, review), ct);
        var shown = report.MergedPairs.Take(Listed).Concat(report.QueuedPairs.Take(Listed)).SelectMany(p => new[] { p.A, p.B });
        var names = await scope.ServiceProvider.GetRequiredService<CustomerDirectory>().NamesAsync(shown, ct);
        if (json) WriteJson(context.Console.Profile.Out.Writer, report, dryRun, names);
        else Print(context.Console, report, dryRun, names);
        return 0;
    }

    static void Print(IAnsiConsole console, MatchRunReport r, bool dryRun, Dictionary<Guid, string> names)
    {
        var grid = new Grid().AddColumn().AddColumn(new GridColumn().RightAligned());
        grid.AddRow("Customers", N(r.Customers));
        grid.AddRow("Pairs compared", N(r.PairsCompared));
        grid.AddRow(dryRun ? "Would merge" : "Merged", N(r.Merged));
        grid.AddRow(dryRun ? "Would queue for review" : "Queued for review", N(r.Queued));
        if (!dryRun) grid.AddRow("Refused (queued instead)", N(r.Refused));
        grid.AddRow("Seconds (load / match / write)", $"{S(r.LoadSeconds)} / {S(r.ResolveSeconds)} / {S(r.WriteSeconds)}");
        console.Write(grid);
        if (!dryRun) return;
        var writer = console.Profile.Out.Writer;
        foreach (var p in r.MergedPairs.Take(Listed)) writer.WriteLine($"merge  {S(p.Score),6}  {Name(names, p.A)} ({p.A}) + {Name(names, p.B)} ({p.B})");
        foreach (var p in r.QueuedPairs.Take(Listed)) writer.WriteLine($"review {S(p.Score),6}  {Name(names, p.A)} ({p.A}) + {Name(names, p.B)} ({p.B})");
        if (r.MergedPairs.Count > Listed || r.QueuedPairs.Count > Listed) writer.WriteLine($"… the first {Listed} of each; --json lists them all.");
    }

    static void WriteJson(TextWriter output, MatchRunReport r, bool dryRun, Dictionary<Guid, string> names)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("mode", "database");
            json.WriteBoolean("dry_run", dryRun);
            if (r.RunId is { } id) json.WriteString("run_id", id);
            json.WriteNumber("customers", r.Customers);
            json.WriteNumber("pairs_compared", r.PairsCompared);
            json.WriteNumber("merged", r.Merged);
            json.WriteNumber("queued", r.Queued);
            json.WriteNumber("refused", r.Refused);
            json.WriteNumber("seconds", Math.Round(r.Seconds, 3));
            Pairs(json, "merges", r.MergedPairs, names);
            Pairs(json, "reviews", r.QueuedPairs, names);
            json.WriteEndObject();
        }
        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    static void Pairs(Utf8JsonWriter json, string name, IReadOnlyList<FoundPair> pairs, Dictionary<Guid, string> names)
    {
        json.WriteStartArray(name);
        foreach (var p in pairs)
        {
            json.WriteStartObject();
            json.WriteString("a", p.A); json.WriteString("b", p.B);
            if (names.TryGetValue(p.A, out var a)) json.WriteString("name_a", a);
            if (names.TryGetValue(p.B, out var b)) json.WriteString("name_b", b);
            json.WriteNumber("score", Math.Round(p.Score, 3));
            json.WritePropertyName("contributions");
            json.WriteRawValue(p.Contributions);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    static string Name(Dictionary<Guid, string> names, Guid id) => names.GetValueOrDefault(id, "?");

    static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    static string S(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
