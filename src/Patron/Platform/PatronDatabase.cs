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
                EnsureSqliteFile(sqlite);
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

    /// <summary>SQLite page size of the databases Patron creates (existing files keep theirs).</summary>
    public const int SqlitePageSize = 16_384;

    /// <summary>
    /// Creates a missing SQLite file (and its directory) with <see cref="SqlitePageSize"/>-byte pages in WAL mode,
    /// before EF does it with SQLite's default of 4 KiB. A bulk import of a million order lines took 20–21 s instead
    /// of 23–24 s with 16 KiB pages (fewer, wider B-tree pages for the random indexes of orders and lines; see
    /// docs/BENCHMARKS.md). The page size can only be chosen before the first table, and not once in WAL mode, so this
    /// runs before anything else touches the file. In-memory and read-only databases are left alone.
    /// </summary>
    static void EnsureSqliteFile(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var file = builder.DataSource;
        if (string.IsNullOrEmpty(file) || file == ":memory:" || builder.Mode is SqliteOpenMode.Memory or SqliteOpenMode.ReadOnly) return;
        var path = Path.GetFullPath(file);
        var dir = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        if (File.Exists(path)) return;
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        // VACUUM writes the empty database with the new page size; WAL is what EF would have set on creating it.
        command.CommandText = $"PRAGMA page_size = {SqlitePageSize}; VACUUM; PRAGMA journal_mode = WAL;";
        command.ExecuteNonQuery();
    }
}
