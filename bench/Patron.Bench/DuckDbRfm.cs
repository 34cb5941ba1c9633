using DuckDB.NET.Data;

namespace Patron.Bench;

/// <summary>
/// DuckDB in process, in memory, with its default threads (all cores) or a given number: read_csv straight from the .gz, typed as
/// the CLI parses the file. Load materialises the table; end to end runs the query on read_csv directly.
/// </summary>
sealed class DuckDbRfm : IRfmSystem
{
    readonly DuckDBConnection connection = new("Data Source=:memory:");
    readonly string readCsv;

    public DuckDbRfm(string path, int? threads)
    {
        connection.Open();
        if (threads is { } n) Execute($"SET threads = {n}");
        Name = threads is { } t ? $"DuckDB, {t} thread{(t == 1 ? "" : "s")}" : "DuckDB";
        var columns = string.Join(", ", RfmSql.Columns.Select(c => $"'{c.Name}': '{c.Type}'"));
        readCsv = $"read_csv('{path.Replace("'", "''")}', header = true, delim = ',', quote = '\"', escape = '\"', " +
                  $"auto_detect = false, timestampformat = '%Y-%m-%d %H:%M:%S', columns = {{{columns}}})";
        Version = (string)Scalar("SELECT version()")!;
    }

    public string Name { get; }
    public string Version { get; }

    public void Load() => Execute($"CREATE OR REPLACE TABLE retail AS SELECT * FROM {readCsv}");

    public Dictionary<string, RfmRow> Compute() => Query("retail");

    public Dictionary<string, RfmRow> EndToEnd() => Query(readCsv);

    Dictionary<string, RfmRow> Query(string source)
    {
        using var command = connection.CreateCommand();
        command.CommandText = RfmSql.Query(source, s => $"regexp_full_match({s}, '[0-9]+\\.0')");
        using var reader = command.ExecuteReader();
        return RfmSql.Read(reader);
    }

    void Execute(string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    object? Scalar(string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    public void Dispose() => connection.Dispose();
}
