using System.Text;
using DuckDB.NET.Data;
using Npgsql;

namespace Patron.Bench;

/// <summary>
/// DuckDB in process, in memory, all cores: the feature query straight on read_csv of the three files (typed as declared,
/// no sniffing), its result materialised as a table (Patron's result is its columns in memory).
/// </summary>
sealed class DuckDbFeatures : IDisposable
{
    readonly DuckDBConnection connection = new("Data Source=:memory:");
    readonly string query;

    public DuckDbFeatures(string dir)
    {
        connection.Open();
        string Csv(string file, (string Name, string Type)[] columns) =>
            $"read_csv('{Path.Combine(dir, file).Replace("'", "''")}', header = true, delim = ',', quote = '', auto_detect = false, " +
            $"dateformat = '%Y-%m-%d', columns = {{{FeatureSql.Declare(columns, (n, t) => $"'{n}': '{t}'")}}})";
        query = FeatureSql.Query(Csv(FeatureFiles.Customers, FeatureSql.CustomerColumns), Csv(FeatureFiles.Orders, FeatureSql.OrderColumns),
            Csv(FeatureFiles.Lines, FeatureSql.LineColumns));
        using var v = connection.CreateCommand();
        v.CommandText = "SELECT version()";
        Version = "DuckDB " + v.ExecuteScalar();
    }

    public string Version { get; }

    public void Run() => Execute($"CREATE OR REPLACE TABLE features AS {query}");

    public Dictionary<int, FeatureSql.Row> Result()
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM features";
        using var reader = command.ExecuteReader();
        return FeatureSql.Read(reader);
    }

    void Execute(string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose() => connection.Dispose();
}

/// <summary>
/// PostgreSQL: (a) load, the client streams each file through COPY FROM STDIN (CSV) into an UNLOGGED table, then ANALYZE;
/// (b) the same query, its result materialised as an UNLOGGED table. work_mem is raised so the aggregations and window
/// sorts stay in memory, as DuckDB's do.
/// </summary>
sealed class PostgresFeatures : IDisposable
{
    readonly NpgsqlConnection connection;
    readonly string dir;

    public PostgresFeatures(string connectionString, string dir)
    {
        this.dir = dir;
        connection = new NpgsqlConnection(connectionString);
        connection.Open();
        Execute("SET work_mem = '1GB'");
        Version = "PostgreSQL " + connection.PostgreSqlVersion;
    }

    public string Version { get; }

    public void Load()
    {
        Copy("bench_customers", FeatureFiles.Customers, FeatureSql.CustomerColumns);
        Copy("bench_orders", FeatureFiles.Orders, FeatureSql.OrderColumns);
        Copy("bench_lines", FeatureFiles.Lines, FeatureSql.LineColumns);
        Execute("ANALYZE bench_customers; ANALYZE bench_orders; ANALYZE bench_lines");
    }

    void Copy(string table, string file, (string Name, string Type)[] columns)
    {
        Execute($"DROP TABLE IF EXISTS {table}; CREATE UNLOGGED TABLE {table} ({FeatureSql.Declare(columns, (n, t) => $"{n} {t}")})");
        using var source = new StreamReader(Path.Combine(dir, file), Encoding.UTF8);
        using var copy = connection.BeginTextImport($"COPY {table} FROM STDIN (FORMAT csv, HEADER true)");
        var buffer = new char[1 << 16];
        for (int n; (n = source.Read(buffer)) > 0;) copy.Write(buffer, 0, n);
    }

    public void Run() =>
        Execute($"DROP TABLE IF EXISTS bench_features; CREATE UNLOGGED TABLE bench_features AS {FeatureSql.Query("bench_customers", "bench_orders", "bench_lines")}");

    public Dictionary<int, FeatureSql.Row> Result()
    {
        using var command = new NpgsqlCommand("SELECT * FROM bench_features", connection);
        using var reader = command.ExecuteReader();
        return FeatureSql.Read(reader);
    }

    void Execute(string sql)
    {
        using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        Execute("DROP TABLE IF EXISTS bench_features, bench_lines, bench_orders, bench_customers");
        connection.Dispose();
    }
}
