using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Patron.Platform;

namespace Patron.Tests.Platform;

public sealed class SqliteFileTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_database_Patron_creates_has_16_KiB_pages_in_WAL_mode_and_an_existing_one_keeps_its_pages()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"patron-pages-{Guid.NewGuid():N}");
        try
        {
            var fresh = Path.Combine(dir, "sub", "new.db");
            await using (var db = PatronDatabase.Create(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={fresh}" }))
                await db.Database.MigrateAsync(Ct);
            Assert.Equal((16_384L, "wal"), await PagesAsync(fresh));

            // A file made before (4 KiB pages, SQLite's default) is not touched: its page size stays.
            var old = Path.Combine(dir, "old.db");
            await using (var raw = new SqliteConnection($"Data Source={old};Pooling=False"))
            {
                await raw.OpenAsync(Ct);
                await using var create = raw.CreateCommand();
                create.CommandText = "PRAGMA page_size = 4096; PRAGMA journal_mode = WAL; CREATE TABLE t(x); DROP TABLE t;";
                await create.ExecuteNonQueryAsync(Ct);
            }
            await using (var db = PatronDatabase.Create(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={old}" }))
                await db.Database.MigrateAsync(Ct);
            Assert.Equal((4_096L, "wal"), await PagesAsync(old));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

    static async Task<(long PageSize, string Journal)> PagesAsync(string file)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA page_size";
        var size = (long)(await command.ExecuteScalarAsync(Ct))!;
        command.CommandText = "PRAGMA journal_mode";
        return (size, (string)(await command.ExecuteScalarAsync(Ct))!);
    }
}
