using System.CommandLine;
using Patron.Cli.Commands;

namespace Patron.Cli;

/// <summary>The `patron` command. Each command group lives in Commands/; adding a group is one line in Groups.</summary>
static class Program
{
    internal static readonly IReadOnlyList<Func<CliContext, Command>> Groups =
    [
        DbCommands.Create,          // db migrate
        DemoDataCommand.Create,     // demo-data
        UserCommands.Create,        // users add
        ApiKeyCommands.Create,      // apikey create|revoke|list
        AnalyzeCommands.Create,     // analyze …
        LoyaltyCommands.Create,     // loyalty expire|evaluate-tiers|default-tiers
        DedupeCommand.Create,       // dedupe --input FILE [--input FILE2]
        ImportCommands.Create,      // import customers|orders|events|quarantine|mapping
        SegmentCommands.Create,     // segments list|count RULE.json|members SEGMENT [--out FILE.csv]
    ];

    static Task<int> Main(string[] args) => PatronCli.RunAsync(args);
}
