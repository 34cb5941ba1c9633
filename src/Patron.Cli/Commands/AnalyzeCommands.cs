using System.CommandLine;

namespace Patron.Cli.Commands;

/// <summary>patron analyze …: analyses that work on files, with no database. Each analysis is one line in Analyses.</summary>
static class AnalyzeCommands
{
    static readonly IReadOnlyList<Func<CliContext, Command>> Analyses =
    [
        AnalyzeRfmCommand.Create,   // analyze rfm
        AnalyzeClvCommand.Create,   // clv: BG/NBD, Gamma-Gamma, CLV
        AnalyzeBasketCommand.Create, // basket: FP-Growth frequent itemsets and association rules
    ];

    public static Command Create(CliContext context)
    {
        var analyze = new Command("analyze", "Analyse transaction or basket files (no database needed).");
        foreach (var analysis in Analyses) analyze.Subcommands.Add(analysis(context));
        return analyze;
    }
}
