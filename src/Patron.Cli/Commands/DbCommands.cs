using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Patron.Platform;
using Spectre.Console;

namespace Patron.Cli.Commands;

/// <summary>patron db migrate</summary>
static class DbCommands
{
    public static Command Create(CliContext context)
    {
        var migrate = new Command("migrate", "Apply pending migrations to the configured database.");
        migrate.SetAction(async (_, ct) =>
        {
            await using var services = context.BuildServices();
            await using var scope = services.CreateAsyncScope();
            await MigrateAsync(context, scope.ServiceProvider, ct);
            return 0;
        });
        return new Command("db", "Database maintenance.") { migrate };
    }

    /// <summary>Also the first step of demo-data.</summary>
    public static async Task MigrateAsync(CliContext context, IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<PatronDb>();
        context.Console.MarkupLineInterpolated($"Database: [bold]{CliContext.Describe(CliContext.DatabaseOptions(services))}[/]");
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        await db.Database.MigrateAsync(ct);
        if (pending.Count == 0) context.Console.MarkupLine("Schema is up to date.");
        else context.Console.MarkupLineInterpolated($"Applied {pending.Count} migration(s): {string.Join(", ", pending)}.");
    }
}
