using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Patron.Platform;

/// <summary>Configures <see cref="PatronDb"/> for the chosen provider; used by both hosts, the tests and the design-time factories.</summary>
public static class PatronDatabase
{
    public const string SqliteMigrations = "Patron.Migrations.Sqlite";
    public const string PostgresMigrations = "Patron.Migrations.Postgres";

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, DatabaseOptions options)
    {
        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                var sqlite = PatronHome.ResolveSqlite(options.ConnectionString);
                EnsureSqliteDirectory(sqlite);
                builder.UseSqlite(sqlite, o => o.MigrationsAssembly(SqliteMigrations));
                // SQLite cannot alter a column in place: EF rebuilds the table and must switch foreign keys off
                // outside the migration's transaction, and says so with a warning on every fresh database. That
                // is how every such SQLite migration runs, nothing an operator can act on, so it is logged as info.
                builder.ConfigureWarnings(w => w.Log(
                    (RelationalEventId.NonTransactionalMigrationOperationWarning, LogLevel.Information)));
                break;
            case DatabaseProvider.Postgres:
                builder.UseNpgsql(options.ConnectionString, o => o.MigrationsAssembly(PostgresMigrations));
                break;
            default:
                throw new InvalidOperationException($"Unknown database provider '{options.Provider}'.");
        }
        return builder.UseSnakeCaseNamingConvention();
    }

    public static PatronDb Create(DatabaseOptions options, TimeProvider? clock = null)
    {
        var builder = new DbContextOptionsBuilder<PatronDb>();
        Configure(builder, options);
        return new PatronDb(builder.Options, clock ?? TimeProvider.System);
    }

    static void EnsureSqliteDirectory(string connectionString)
    {
        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(file) || file == ":memory:") return;
        var dir = Path.GetDirectoryName(Path.GetFullPath(file));
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
    }
}
