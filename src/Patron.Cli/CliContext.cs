using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using Patron.Platform;
using Spectre.Console;

namespace Patron.Cli;

/// <summary>What every command needs: the web app's configuration, Patron's services, and where to write.</summary>
sealed class CliContext(IConfiguration configuration, IAnsiConsole console)
{
    public IAnsiConsole Console { get; } = console;

    /// <summary>The same registrations as the web host, minus the web; validates options as a host would at start.</summary>
    public ServiceProvider BuildServices()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        // Identity's token providers need data protection; the CLI issues no tokens, so nothing needs persisted keys.
        services.AddDataProtection().UseEphemeralDataProtectionProvider();
        services.AddPatron(configuration);
        var provider = services.BuildServiceProvider();
        try
        {
            provider.GetService<IStartupValidator>()?.Validate();
            _ = provider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        }
        catch (InvalidOperationException e)
        {
            // A value that does not bind (say Provider=Oracle) is a settings mistake, not a crash.
            provider.Dispose();
            throw new CliException($"Settings: {e.Message}");
        }
        return provider;
    }

    /// <summary>Provider and database, without credentials.</summary>
    public static string Describe(DatabaseOptions options) => options.Provider switch
    {
        DatabaseProvider.Sqlite => $"SQLite {Path.GetFullPath(new SqliteConnectionStringBuilder(PatronHome.ResolveSqlite(options.ConnectionString)).DataSource)}",
        _ => new NpgsqlConnectionStringBuilder(options.ConnectionString) is var b ? $"PostgreSQL {b.Host}:{b.Port}/{b.Database}" : "",
    };

    public static DatabaseOptions DatabaseOptions(IServiceProvider services) => services.GetRequiredService<IOptions<DatabaseOptions>>().Value;

    /// <summary>Commands other than db migrate and demo-data do not change the schema: they ask for it.</summary>
    public static async Task RequireMigratedAsync(PatronDb db, CancellationToken ct)
    {
        if ((await db.Database.GetPendingMigrationsAsync(ct)).Any())
            throw new CliException("The database is not migrated yet: run `patron db migrate` first.");
    }
}
