using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Patron.Platform.Bulk;

/// <summary>
/// Connection settings for one large load on SQLite, put back afterwards because pooled connections keep pragmas.
/// A big page cache keeps the indexes of a multi-million-row transaction in memory instead of spilling them to the
/// WAL over and over; synchronous=NORMAL skips the fsync per commit, which in WAL mode risks the last commits on
/// power loss but never the file's integrity (https://sqlite.org/pragma.html#pragma_synchronous). The WAL is
/// checkpointed every 64 MB instead of every 4 MB: with the default, nearly every batch's commit also copied the WAL
/// into the database and synced it, a quarter of the import's time.
/// </summary>
sealed class SqliteLoadSettings(DbContext db, long cacheSize, long synchronous, long checkpoint) : IAsyncDisposable
{
    const long CacheKib = 128 * 1024, CheckpointPages = 16_384;

    public static async Task<SqliteLoadSettings> ApplyAsync(DbContext db, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        var connection = db.Database.GetDbConnection();
        var settings = new SqliteLoadSettings(db, await ScalarAsync(connection, "PRAGMA cache_size", ct),
            await ScalarAsync(connection, "PRAGMA synchronous", ct), await ScalarAsync(connection, "PRAGMA wal_autocheckpoint", ct));
        await ScalarAsync(connection, $"PRAGMA cache_size = -{CacheKib}", ct);
        if (await StringAsync(connection, "PRAGMA journal_mode", ct) == "wal")
        {
            await ScalarAsync(connection, "PRAGMA synchronous = NORMAL", ct);
            await ScalarAsync(connection, $"PRAGMA wal_autocheckpoint = {CheckpointPages}", ct);
        }
        return settings;
    }

    public async ValueTask DisposeAsync()
    {
        var connection = db.Database.GetDbConnection();
        await ScalarAsync(connection, $"PRAGMA cache_size = {cacheSize}", default);
        await ScalarAsync(connection, $"PRAGMA synchronous = {synchronous}", default);
        await ScalarAsync(connection, $"PRAGMA wal_autocheckpoint = {checkpoint}", default);
        await db.Database.CloseConnectionAsync();
    }

    static async Task<long> ScalarAsync(DbConnection connection, string sql, CancellationToken ct) =>
        await ExecuteAsync(connection, sql, ct) is long value ? value : 0;

    static async Task<string?> StringAsync(DbConnection connection, string sql, CancellationToken ct) =>
        (await ExecuteAsync(connection, sql, ct))?.ToString();

    static async Task<object?> ExecuteAsync(DbConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(ct);
    }
}
