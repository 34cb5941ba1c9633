using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Patron.DemoData;
using Patron.Platform;
using Spectre.Console;

namespace Patron.Cli.Commands;

/// <summary>patron demo-data: migrates, then fills an empty database with the demo chain.</summary>
static class DemoDataCommand
{
    public static Command Create(CliContext context)
    {
        var defaults = new DemoDataOptions();
        var customers = new Option<int>("--customers") { Description = "Number of members.", DefaultValueFactory = _ => defaults.Customers };
        var months = new Option<int>("--months") { Description = "Months of order history up to yesterday.", DefaultValueFactory = _ => defaults.Months };
        var seed = new Option<int>("--seed") { Description = "The same seed gives the same data, ids included.", DefaultValueFactory = _ => defaults.Seed };
        var locale = new Option<string>("--locale") { Description = "Names of people, products and stores.", DefaultValueFactory = _ => defaults.Locale };
        locale.AcceptOnlyFromAmong(DemoDataOptions.Chinese, DemoDataOptions.English);
        var asOf = new Option<DateOnly?>("--as-of") { Description = "End of the period (yyyy-MM-dd, default today UTC); fixes the data for a given seed." };

        var command = new Command("demo-data", "Fill an empty database with a generated fresh-food chain: stores, products, members, orders, events. Refuses a database that has customers.")
        {
            customers, months, seed, locale, asOf,
        };
        command.SetAction(async (parse, ct) =>
        {
            var options = new DemoDataOptions
            {
                Customers = parse.GetValue(customers), Months = parse.GetValue(months), Seed = parse.GetValue(seed),
                Locale = parse.GetValue(locale)!, AsOf = parse.GetValue(asOf),
            };
            options.Validate();
            await using var services = context.BuildServices();
            await using var scope = services.CreateAsyncScope();
            await DbCommands.MigrateAsync(context, scope.ServiceProvider, ct);
            var db = scope.ServiceProvider.GetRequiredService<PatronDb>();
            var summary = await WriteWithProgressAsync(context.Console, db, options, ct);
            context.Console.Write(SummaryTable(summary));
            context.Console.MarkupLineInterpolated($"Demo data written in [bold]{summary.Elapsed.TotalSeconds:0.0} s[/] (seed {options.Seed}, {options.Locale}).");
            return 0;
        });
        return command;
    }

    static Task<DemoDataSummary> WriteWithProgressAsync(IAnsiConsole console, PatronDb db, DemoDataOptions options, CancellationToken ct) =>
        console.Progress()
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async progress =>
            {
                var tasks = Enum.GetValues<DemoPhase>().ToDictionary(p => p, p => progress.AddTask(Label(p, 0), autoStart: false));
                var reporter = new Reporter<DemoProgress>(p =>
                {
                    var task = tasks[p.Phase];
                    if (!task.IsStarted) task.StartTask();
                    task.MaxValue = Math.Max(1, p.Total);
                    task.Value = p.Done;
                    task.Description = Label(p.Phase, p.Rows);
                    if (p.Done >= p.Total) task.StopTask();
                });
                return await DemoDataWriter.WriteAsync(db, options, reporter, ct);
            });

    static string Label(DemoPhase phase, long rows) => phase switch
    {
        DemoPhase.Catalog => $"Stores, categories, products {rows,10:N0}",
        DemoPhase.Customers => $"Customers and identifiers   {rows,10:N0}",
        _ => $"Orders, lines and events    {rows,10:N0}",
    };

    static Table SummaryTable(DemoDataSummary summary)
    {
        var table = new Table().AddColumn("Table").AddColumn(new TableColumn("Rows").RightAligned());
        foreach (var t in summary.Tables) table.AddRow(Markup.Escape(t.Table), t.Rows.ToString("N0", CultureInfo.InvariantCulture));
        table.AddRow("[bold]total[/]", $"[bold]{summary.TotalRows.ToString("N0", CultureInfo.InvariantCulture)}[/]");
        return table;
    }
}

/// <summary>Reports synchronously on the caller's thread, unlike Progress&lt;T&gt;, which posts and can reorder.</summary>
sealed class Reporter<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
