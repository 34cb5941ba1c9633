using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Patron.Ingestion.Import;
using Patron.Ingestion.Import.Mapping;
using Patron.Ingestion.Import.Reading;
using Patron.Platform;

namespace Patron.Cli.Commands;

/// <summary>patron import mapping KIND FILE: the mapping an import of the file would use, as JSON to edit.</summary>
static class ImportMappingCommand
{
    public static Command Create(CliContext context)
    {
        var kind = new Argument<ImportKind>("KIND") { Description = "customers, orders or events." };
        var file = new Argument<string>("FILE") { Description = "The file whose headers are mapped." };
        var options = new ImportOptions();
        var output = new Option<string?>("--out") { Description = "Write the mapping here instead of printing it." };
        var command = new Command("mapping", "Print the column mapping an import of FILE would use (given preset, remembered for the source, or suggested from the headers), to edit and pass back with --mapping.")
        {
            kind, file, options.Source, options.Preset, output,
        };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (!File.Exists(path)) throw new CliException($"File not found: {path}");
            await using var services = context.BuildServices();
            await using var scope = services.CreateAsyncScope();
            await CliContext.RequireMigratedAsync(scope.ServiceProvider.GetRequiredService<PatronDb>(), ct);
            var (source, _, preset) = options.Read(parse);
            IReadOnlyList<string> headers;
            using (var table = TableFile.Open(path)) headers = table.Headers;
            ColumnMapping mapping;
            try
            {
                mapping = await scope.ServiceProvider.GetRequiredService<SourceMappings>()
                    .ChooseAsync(source, parse.GetValue(kind), null, preset, headers, ct);
            }
            catch (ImportRefused e) { throw new CliException(string.Join(" ", e.Problems)); }
            if (parse.GetValue(output) is { } outPath) await File.WriteAllTextAsync(outPath, mapping.ToJson(), ct);
            else context.Console.Profile.Out.Writer.WriteLine(mapping.ToJson());
            return 0;
        });
        return command;
    }
}
