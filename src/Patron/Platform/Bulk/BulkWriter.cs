using Microsoft.EntityFrameworkCore;

namespace Patron.Platform.Bulk;

/// <summary>
/// Inserts many rows of one entity type without the change tracker: prepared batched INSERTs on SQLite,
/// binary COPY on PostgreSQL. Table, columns and value conversions come from the EF model, so the rows read back
/// through EF exactly like rows EF wrote. Plain entities only (no owned types, hierarchies or shadow properties);
/// navigations are ignored, so an order's Lines are written separately. Rows must carry their ids.
/// Runs inside the context's current transaction when there is one, else in its own.
/// </summary>
public static class BulkWriter
{
    public static Task<long> InsertAsync<T>(DbContext db, IEnumerable<T> rows, CancellationToken ct = default) where T : class
    {
        var table = BulkTable.For<T>(db);
        return db.Database.IsNpgsql()
            ? PostgresBulkCopy.WriteAsync(db, table, rows, ct)
            : db.Database.IsSqlite()
                ? SqliteBulkInsert.WriteAsync(db, table, rows, ct)
                : throw new NotSupportedException($"Bulk insert supports SQLite and PostgreSQL, not {db.Database.ProviderName}.");
    }

    /// <summary>
    /// Tunes the connection for a load of millions of rows until disposed; call it before beginning the transaction.
    /// SQLite gets a large page cache and no fsync per commit; PostgreSQL's COPY needs nothing.
    /// </summary>
    public static async Task<IAsyncDisposable> PrepareForLargeLoadAsync(DbContext db, CancellationToken ct = default) =>
        db.Database.IsSqlite() ? await SqliteLoadSettings.ApplyAsync(db, ct) : NoSettings.Instance;

    sealed class NoSettings : IAsyncDisposable
    {
        public static readonly NoSettings Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
