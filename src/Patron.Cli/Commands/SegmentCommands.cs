using System.CommandLine;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Patron.Platform;
using Patron.Platform.Audit;
using Patron.Segmentation;
using Patron.Segmentation.Contracts;
using Spectre.Console;

namespace Patron.Cli.Commands;

/// <summary>
/// patron segments list|count RULE.json|members SEGMENT [--out FILE.csv]: saved segments over the database. count loads
/// the feature store from the database (as the web host does at start-up) and evaluates an unsaved rule; members lists a
/// saved segment's materialised members, as the page's export does, and is audited the same way.
/// </summary>
static class SegmentCommands
{
    static Actor Operator => new(ActorKind.System, "cli", $"cli:{Environment.UserName}");

    public static Command Create(CliContext context) =>
        new("segments", "Saved segments: list them, count an unsaved rule, export a segment's members.")
        {
            ListCommand(context), CountCommand(context), MembersCommand(context),
        };

    static Command ListCommand(CliContext context)
    {
        var list = new Command("list", "Saved segments with their size at the last refresh.");
        list.SetAction((_, ct) => WithScopeAsync(context, async services =>
        {
            var segments = await services.GetRequiredService<ListSegmentsHandler>().HandleAsync(ct);
            if (segments.Count == 0) { context.Console.MarkupLine("No segments yet."); return 0; }
            var table = new Table().AddColumns("id", "name", "members", "refreshed (UTC)");
            foreach (var s in segments)
                table.AddRow(Markup.Escape(s.Id.ToString()), Markup.Escape(s.Name), s.MemberCount.ToString("N0"), s.RefreshedAt?.ToString("yyyy-MM-dd HH:mm") ?? "–");
            context.Console.Write(table);
            return 0;
        }, ct));
        return list;
    }

    static Command CountCommand(CliContext context)
    {
        var file = new Argument<FileInfo>("RULE.json") { Description = "A rule as saved segments have it, e.g. {\"field\": \"frequency\", \"op\": \"gte\", \"value\": 2}." };
        var sample = new Option<int>("--sample") { Description = "How many members to name (default 10).", DefaultValueFactory = _ => 10 };
        var count = new Command("count", "Count the customers an unsaved rule selects today (loads every customer's features first).") { file, sample };
        count.SetAction((parse, ct) => WithScopeAsync(context, async services =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists) throw new CliException($"{path.FullName}: no such file.");
            JsonNode? rule;
            try { rule = JsonNode.Parse(await File.ReadAllTextAsync(path.FullName, ct)); }
            catch (JsonException e) { throw new CliException($"{path.Name}: not JSON ({e.Message})."); }
            var result = await services.GetRequiredService<PreviewSegmentHandler>().HandleAsync(new PreviewSegment(rule, Math.Clamp(parse.GetValue(sample), 0, 1000)), ct);
            if (result.Value is not { } preview)
            {
                foreach (var (field, messages) in result.Errors!.ToDictionary())
                    foreach (var m in messages) context.Console.MarkupLineInterpolated($"[red]{field}[/]: {m}");
                return 1;
            }
            context.Console.MarkupLineInterpolated($"{preview.Count:N0} customers match.");
            foreach (var m in preview.Sample) context.Console.MarkupLineInterpolated($"  {m.CustomerId}  {m.Name}");
            return 0;
        }, ct));
        return count;
    }

    static Command MembersCommand(CliContext context)
    {
        var segment = new Argument<string>("SEGMENT") { Description = "The segment's id or its exact name." };
        var output = new Option<FileInfo?>("--out") { Description = "Write the CSV here (UTF-8 with a byte-order mark, for Excel) instead of to the console." };
        var members = new Command("members", "A saved segment's current members as CSV: customer_id,name,entered_at. Audited as an export.") { segment, output };
        members.SetAction((parse, ct) => WithScopeAsync(context, async services =>
        {
            var key = parse.GetValue(segment)!.Trim();
            var db = services.GetRequiredService<PatronDb>();
            var id = Guid.TryParse(key, out var g) ? g : await db.Segments.Where(s => s.Name == key).Select(s => (Guid?)s.Id).FirstOrDefaultAsync(ct)
                ?? throw new CliException($"No segment is called '{key}'; `patron segments list` shows them.");
            var export = services.GetRequiredService<ExportSegmentMembersHandler>();
            if (parse.GetValue(output) is { } to)
            {
                await using var writer = new StreamWriter(to.FullName, false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
                if (!await export.HandleAsync(id, Operator, writer, ct)) throw new CliException($"No segment has the id {id}.");
                await writer.FlushAsync(ct);
                context.Console.MarkupLineInterpolated($"Wrote {to.FullName}.");
                return 0;
            }
            var text = new StringWriter();
            if (!await export.HandleAsync(id, Operator, text, ct)) throw new CliException($"No segment has the id {id}.");
            context.Console.Profile.Out.Writer.Write(text.ToString());
            return 0;
        }, ct));
        return members;
    }

    static async Task<int> WithScopeAsync(CliContext context, Func<IServiceProvider, Task<int>> action, CancellationToken ct)
    {
        await using var services = context.BuildServices();
        await using var scope = services.CreateAsyncScope();
        await CliContext.RequireMigratedAsync(scope.ServiceProvider.GetRequiredService<PatronDb>(), ct);
        return await action(scope.ServiceProvider);
    }
}
