using System.IO.Compression;
using System.Text;
using Npgsql;

namespace Patron.Bench;

/// <summary>
/// PostgreSQL: the client gunzips the file and streams it through COPY FROM STDIN (CSV), so the server parses and
/// types every field; the table is UNLOGGED (a scratch table, as DuckDB's is in memory) and analysed after the load
/// so the planner knows its size. work_mem is raised so the two aggregations stay in memory as DuckDB's do.
/// </summary>
sealed class PostgresRfm : IRfmSystem
{
    readonly NpgsqlConnection connection;
    readonly string path;

    public PostgresRfm(string connectionString, string path)
    {
        this.path = path;
        connection = new NpgsqlConnection(connectionString);
        connection.Open();
        Execute("SET work_mem = '256MB'");
        Version = "PostgreSQL " + connection.PostgreSqlVersion;
    }

    public string Name => "PostgreSQL";
    public string Version { get; }

    public void Load()
    {
        var columns = string.Join(", ", RfmSql.Columns.Select(c => $"{c.Name} {(c.Type.StartsWith("DECIMAL") ? "numeric" : c.Type)}"));
        Execute($"DROP TABLE IF EXISTS bench_retail; CREATE UNLOGGED TABLE bench_retail ({columns})");
        using (var source = new StreamReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress), Encoding.UTF8))
        using (var copy = connection.BeginTextImport("COPY bench_retail FROM STDIN (FORMAT csv, HEADER true)"))
        {
            var buffer = new char[1 << 16];
            for (int n; (n = source.Read(buffer)) > 0;) copy.Write(buffer, 0, n);
        }
        Execute("ANALYZE bench_retail");
    }

    public Dictionary<string, RfmRow> Compute()
    {
        using var command = new NpgsqlCommand(RfmSql.Query("bench_retail", s => $"{s} ~ '^[0-9]+\\.0$'"), connection);
        using var reader = command.ExecuteReader();
        return RfmSql.Read(reader);
    }

    public Dictionary<string, RfmRow> EndToEnd()
    {
        Load();
        return Compute();
    }

    void Execute(string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        Execute("DROP TABLE IF EXISTS bench_retail");
        connection.Dispose();
    }
}
