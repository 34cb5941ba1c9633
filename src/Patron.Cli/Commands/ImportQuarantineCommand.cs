using System.CommandLine;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Patron.Ingestion.Import;
using Patron.Platform;
using Patron.Platform.Audit;
using Spectre.Console;

namespace Patron.Cli.Commands;

/// <summary>patron import quarantine --job ID --out FILE.csv: the rejected rows as they were, with a reasons column.</summary>
static class ImportQuarantineCommand
{
    static Actor Operator => new(ActorKind.System, "cli", $"cli:{Environment.UserName}");

    public static Command Create(CliContext context)
    {
        var job = new Option<Guid>("--job") { Description = "The import job id (printed in its report).", Required = true };
        var output = new Option<string>("--out") { Description = "CSV file to write (UTF-8 with BOM, so Excel opens Chinese text correctly).", Required = true };
        var command = new Command("quarantine", "Download the rows an import rejected: the original cells and the reasons, to fix and import again.") { job, output };
        command.SetAction(async (parse, ct) =>
        {
            await using var services = context.BuildServices();
            await using var scope = services.CreateAsyncScope();
            await CliContext.RequireMigratedAsync(scope.ServiceProvider.GetRequiredService<PatronDb>(), ct);
            var path = parse.GetValue(output)!;
            int? count;
            await using (var writer = new StreamWriter(path, false, new UTF8Encoding(true)))
                count = await scope.ServiceProvider.GetRequiredService<ExportQuarantineHandler>().WriteCsvAsync(parse.GetValue(job), Operator, writer, ct);
            if (count is null)
            {
                File.Delete(path);
                throw new CliException($"No import job {parse.GetValue(job)}.");
            }
            context.Console.MarkupLineInterpolated($"{count} rejected rows written to {path}.");
            return 0;
        });
        return command;
    }
}
