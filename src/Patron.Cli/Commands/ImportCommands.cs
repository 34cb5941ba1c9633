using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Patron.Ingestion.Import;
using Patron.Ingestion.Import.Mapping;
using Patron.Platform;

namespace Patron.Cli.Commands;

/// <summary>
/// patron import customers|orders|events FILE: streams a CSV (any delimiter, UTF-8 or GBK, gzip) or .xlsx file into
/// the database, rejected rows to the quarantine; patron import quarantine downloads them; patron import mapping
/// writes the mapping a file would get, to edit and pass back with --mapping.
/// </summary>
static class ImportCommands
{
    public static Command Create(CliContext context)
    {
        var command = new Command("import", "Import customers, orders or behaviour events from CSV (any delimiter, UTF-8 or GBK, gzip) or Excel .xlsx files.");
        foreach (var kind in FileKinds.All) command.Subcommands.Add(Kind(context, kind));
        command.Subcommands.Add(ImportQuarantineCommand.Create(context));
        command.Subcommands.Add(ImportMappingCommand.Create(context));
        return command;
    }

    static Command Kind(CliContext context, ImportKind kind)
    {
        var file = new Argument<string>("FILE") { Description = "CSV, TSV, .gz or .xlsx file." };
        var options = new ImportOptions();
        var preview = new Option<bool>("--preview") { Description = "Print the first rows with their cleaned values and problems; write nothing." };
        var json = new Option<bool>("--json") { Description = "Print the report (or the preview) as JSON, for scripts." };
        var batch = new Option<int>("--batch-size") { Description = "Rows per committed batch.", DefaultValueFactory = _ => RunImport.DefaultBatchSize };
        var name = kind.ToString().ToLowerInvariant();
        var command = new Command(name, $"Import {name}: map the columns, clean every row, write in batches, quarantine the rows that fail with their reasons. " +
            "Running the same file again changes nothing.")
        {
            file, options.Source, options.Mapping, options.Preset, preview, json, batch,
        };
        command.SetAction(async (parse, ct) =>
        {
            await using var services = context.BuildServices();
            await using var scope = services.CreateAsyncScope();
            await CliContext.RequireMigratedAsync(scope.ServiceProvider.GetRequiredService<PatronDb>(), ct);
            var path = parse.GetValue(file)!;
            var (source, mapping, preset) = options.Read(parse);
            try
            {
                if (parse.GetValue(preview))
                {
                    var result = await scope.ServiceProvider.GetRequiredService<PreviewImportHandler>()
                        .HandleAsync(new PreviewImport(path, kind, source, mapping, preset), ct);
                    if (parse.GetValue(json)) context.Console.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(result, ColumnMapping.Json));
                    else ImportOutput.Preview(context.Console, result);
                    return result.MappingProblems.Count == 0 ? 0 : 1;
                }
                var handler = scope.ServiceProvider.GetRequiredService<RunImportHandler>();
                var request = new RunImport(path, kind, source, mapping, preset, parse.GetValue(batch));
                if (parse.GetValue(json))
                {
                    var report = await handler.HandleAsync(request, null, ct);
                    context.Console.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(report, ColumnMapping.Json));
                }
                else ImportOutput.Report(context.Console, await ImportOutput.WithProgressAsync(context.Console, handler, request, ct));
                return 0;
            }
            catch (ImportRefused e)
            {
                throw new CliException(string.Join(" ", e.Problems));
            }
        });
        return command;
    }
}

/// <summary>The options that choose a mapping, shared by import and import mapping.</summary>
sealed class ImportOptions
{
    public Option<string> Source { get; } = new("--source") { Description = "Where the file comes from (a shop, a till system): the mapping is remembered per source.", DefaultValueFactory = _ => "default" };
    public Option<string?> Mapping { get; } = new("--mapping") { Description = "A mapping JSON file (see `patron import mapping`)." };
    public Option<string?> Preset { get; } = new("--preset") { Description = $"A ready mapping: {string.Join(", ", MappingPresets.Names)}." };

    public (string Source, ColumnMapping? Mapping, string? Preset) Read(ParseResult parse)
    {
        var mappingPath = parse.GetValue(Mapping);
        ColumnMapping? mapping = null;
        if (mappingPath is not null)
        {
            if (!File.Exists(mappingPath)) throw new CliException($"Mapping file not found: {mappingPath}");
            try { mapping = ColumnMapping.FromJson(File.ReadAllText(mappingPath)); }
            catch (JsonException e) { throw new CliException($"The mapping file {mappingPath} is not a valid mapping: {e.Message}"); }
        }
        return (parse.GetValue(Source)!, mapping, parse.GetValue(Preset));
    }
}
