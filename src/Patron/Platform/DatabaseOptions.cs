namespace Patron.Platform;

public enum DatabaseProvider { Sqlite, Postgres }

public sealed class DatabaseOptions
{
    public const string Section = "Patron:Database";
    public const string DefaultSqlite = "Data Source=data/patron.db";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    public string ConnectionString { get; set; } = DefaultSqlite;

    /// <summary>True when Patron runs on the embedded database nobody configured: the only place demo data is seeded unasked.</summary>
    public bool IsDefaultEmbedded => Provider == DatabaseProvider.Sqlite && ConnectionString == DefaultSqlite;
}
