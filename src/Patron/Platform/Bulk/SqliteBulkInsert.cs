using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using SQLitePCL;

namespace Patron.Platform.Bulk;

/// <summary>
/// SQLite: one prepared INSERT, bound by index and stepped once per row, inside one transaction (the caller's or
/// its own). Microsoft.Data.Sqlite looks every parameter up by name on every execution, which made it four times
/// slower than the engine; this talks to the same connection's handle, so the ADO.NET transaction still applies.
/// </summary>
static class SqliteBulkInsert
{
    public static async Task<long> WriteAsync<T>(DbContext db, BulkTable<T> table, IEnumerable<T> rows, CancellationToken ct) where T : class
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
            await using (own)
            {
                var count = Write(db, table, rows, ct);
                if (own is not null) await own.CommitAsync(ct);
                return count;
            }
        }
        finally { await db.Database.CloseConnectionAsync(); }
    }

    // Synchronous on purpose: SQLite has no asynchronous I/O, and an await per row costs more than the insert.
    static long Write<T>(DbContext db, BulkTable<T> table, IEnumerable<T> rows, CancellationToken ct) where T : class
    {
        var handle = ((SqliteConnection)db.Database.GetDbConnection()).Handle!;
        // Declared before the statement so that it is disposed after it: the statement points into its arena.
        using var binder = new SqliteValueBinder();
        Check(raw.sqlite3_prepare_v2(handle, InsertSql(db, table), out var statement), handle);
        using (statement)
        {
            var columns = table.Columns;
            long count = 0;
            foreach (var row in rows)
            {
                binder.NextRow();
                for (var c = 0; c < columns.Count; c++)
                    Check(columns[c].Bind(row, statement, c + 1, binder), handle);
                var rc = raw.sqlite3_step(statement);
                raw.sqlite3_reset(statement);
                if (rc != raw.SQLITE_DONE) Check(rc, handle);
                if (++count % 10_000 == 0) ct.ThrowIfCancellationRequested();
            }
            return count;
        }
    }

    static string InsertSql<T>(DbContext db, BulkTable<T> table) where T : class
    {
        var helper = db.GetService<ISqlGenerationHelper>();
        var names = string.Join(", ", table.Columns.Select(c => helper.DelimitIdentifier(c.Name)));
        var values = string.Join(", ", table.Columns.Select((_, i) => $"?{i + 1}"));
        return $"INSERT INTO {table.QuotedName(helper.DelimitIdentifier)} ({names}) VALUES ({values})";
    }

    static void Check(int rc, sqlite3 handle)
    {
        if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, handle);
    }
}
