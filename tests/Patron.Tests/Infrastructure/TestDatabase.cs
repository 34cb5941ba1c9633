using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Patron.Platform;

namespace Patron.Tests.Infrastructure;

/// <summary>
/// A fresh, migrated database for one test. Each provider migrates a template once per test process;
/// a test gets a copy of it (a file copy on SQLite, CREATE DATABASE ... TEMPLATE on PostgreSQL).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "PATRON_TEST_POSTGRES";

    static readonly SemaphoreSlim Gate = new(1, 1);
    static readonly string RunId = Guid.NewGuid().ToString("N")[..8];
    static string? sqliteTemplate;
    static string? postgresTemplate;

    TestDatabase(DatabaseOptions options, Func<Task> drop)
    {
        Options = options;
        this.drop = drop;
    }

    readonly Func<Task> drop;

    public DatabaseOptions Options { get; }

    public DatabaseProvider Provider => Options.Provider;

    public PatronDb NewContext(TimeProvider? clock = null) => PatronDatabase.Create(Options, clock);

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => await CreateSqliteAsync(),
        DatabaseProvider.Postgres => await CreatePostgresAsync(),
        _ => throw new ArgumentOutOfRangeException(nameof(provider)),
    };

    /// <summary>The server for PostgreSQL tests; scripts/test.sh starts one and sets the variable. Missing in CI is a failure, locally a skip.</summary>
    public static string PostgresServer()
    {
        var cs = Environment.GetEnvironmentVariable(PostgresVariable);
        if (!string.IsNullOrEmpty(cs)) return cs;
        if (Environment.GetEnvironmentVariable("CI") == "true")
            throw new InvalidOperationException($"{PostgresVariable} is not set: run the tests through scripts/test.sh.");
        Assert.Skip($"{PostgresVariable} is not set; scripts/test.sh starts a PostgreSQL server for these tests.");
        return "";
    }

    static async Task<TestDatabase> CreateSqliteAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (sqliteTemplate is null)
            {
                var path = Path.Combine(Path.GetTempPath(), $"patron-template-{RunId}.db");
                await using (var db = PatronDatabase.Create(SqliteOptions(path))) await db.Database.MigrateAsync();
                SqliteConnection.ClearAllPools();
                sqliteTemplate = path;
                // The template lives as long as the test process; leave no files behind in /tmp.
                AppDomain.CurrentDomain.ProcessExit += (_, _) => File.Delete(path);
            }
        }
        finally { Gate.Release(); }

        var file = Path.Combine(Path.GetTempPath(), $"patron-test-{Guid.NewGuid():N}.db");
        File.Copy(sqliteTemplate, file);
        return new TestDatabase(SqliteOptions(file), () =>
        {
            SqliteConnection.ClearAllPools();
            File.Delete(file);
            return Task.CompletedTask;
        });
    }

    static DatabaseOptions SqliteOptions(string file) =>
        new() { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={file};Pooling=False" };

    static async Task<TestDatabase> CreatePostgresAsync()
    {
        var server = PostgresServer();
        var name = $"patron_test_{RunId}_{Guid.NewGuid():N}"[..40];
        await Gate.WaitAsync();
        try
        {
            if (postgresTemplate is null)
            {
                var template = $"patron_template_{RunId}";
                await ExecuteAsync(server, $"CREATE DATABASE {template}");
                await using (var db = PatronDatabase.Create(PostgresOptions(server, template))) await db.Database.MigrateAsync();
                NpgsqlConnection.ClearAllPools();
                postgresTemplate = template;
            }
            await ExecuteAsync(server, $"CREATE DATABASE {name} TEMPLATE {postgresTemplate}");
        }
        finally { Gate.Release(); }

        return new TestDatabase(PostgresOptions(server, name), async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(server, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        });
    }

    public static DatabaseOptions PostgresOptions(string server, string database) => new()
    {
        Provider = DatabaseProvider.Postgres,
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString,
    };

    static async Task ExecuteAsync(string server, string sql)
    {
        await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync() => await drop();
}
