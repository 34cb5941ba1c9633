using System.CommandLine;
using System.Data.Common;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Patron.DemoData;
using Patron.Platform;
using Patron.Platform.Identity;
using Spectre.Console;

namespace Patron.Cli;

/// <summary>Builds and runs the command tree; the tests call RunAsync with their own settings and writers.</summary>
static class PatronCli
{
    public const int Failed = 1;
    public const int UsageError = 2;

    public static RootCommand Build(CliContext context)
    {
        var root = new RootCommand("Patron: customer data for retail chains. Reads patron.json in the Patron home folder and Patron__* environment variables.");
        foreach (var group in Program.Groups) root.Subcommands.Add(group(context));
        return root;
    }

    /// <summary>settings override patron.json and the environment (tests point the database elsewhere with them).</summary>
    public static async Task<int> RunAsync(string[] args, IEnumerable<KeyValuePair<string, string?>>? settings = null,
        TextWriter? output = null, TextWriter? error = null, CancellationToken ct = default)
    {
        var configuration = new ConfigurationBuilder().AddPatronSettings().AddInMemoryCollection(settings ?? []).Build();
        var stdout = Console(output ?? System.Console.Out, output is null);
        var stderr = Console(error ?? System.Console.Error, error is null);
        // An error stays on one line however narrow the console: scripts grep it, people read it whole.
        stderr.Profile.Width = 10_000;
        var context = new CliContext(configuration, stdout);
        var parse = Build(context).Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors) Fail(stderr, e.Message);
            stderr.MarkupLine("[grey]See patron --help.[/]");
            return UsageError;
        }
        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration
            {
                Output = output ?? System.Console.Out,
                Error = error ?? System.Console.Error,
                EnableDefaultExceptionHandler = false,
            }, ct);
        }
        catch (Exception e) when (e is CliException or DemoDataException or UserAdminException or OptionsValidationException)
        {
            Fail(stderr, e.Message);
            return Failed;
        }
        catch (OperationCanceledException)
        {
            Fail(stderr, "Cancelled.");
            return Failed;
        }
        catch (DbException e)
        {
            Fail(stderr, $"Database: {e.Message}");
            return Failed;
        }
        catch (Exception e)
        {
            // A bug: still one line first, then the details someone will need to fix it.
            Fail(stderr, e.Message);
            stderr.WriteLine(e.ToString(), new Style(Color.Grey));
            return Failed;
        }
    }

    static void Fail(IAnsiConsole stderr, string message) =>
        stderr.MarkupLine($"[red]error:[/] {Markup.Escape(message.ReplaceLineEndings(" "))}");

    static IAnsiConsole Console(TextWriter writer, bool terminal)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
        // Written to a file or a pipe, a table row stays on one line so that scripts can grep it.
        if (!terminal || System.Console.IsOutputRedirected) console.Profile.Width = 240;
        return console;
    }
}

/// <summary>An expected failure with a message for the user; shown as one red line, exit code 1.</summary>
sealed class CliException(string message) : Exception(message);
