using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Patron.Platform.Bulk;

/// <summary>PostgreSQL: binary COPY, typed by the store types of EF's mappings. Joins the caller's transaction when there is one.</summary>
static class PostgresBulkCopy
{
    public static async Task<long> WriteAsync<T>(DbContext db, BulkTable<T> table, IEnumerable<T> rows, CancellationToken ct) where T : class
    {
        var helper = db.GetService<ISqlGenerationHelper>();
        var columns = table.Columns;
        var copy = $"COPY {table.QuotedName(helper.DelimitIdentifier)} ({string.Join(", ", columns.Select(c => helper.DelimitIdentifier(c.Name)))}) FROM STDIN (FORMAT BINARY)";

        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            long count = 0;
            await using (var importer = await connection.BeginBinaryImportAsync(copy, ct))
            {
                // Synchronous per value on purpose: the importer buffers, so nearly every call completes at once, and an
                // async state machine per value cost more than the value (a third of the import's write time).
                foreach (var row in rows)
                {
                    importer.StartRow();
                    for (var c = 0; c < columns.Count; c++) columns[c].Write(row, importer);
                    if (++count % 10_000 == 0) ct.ThrowIfCancellationRequested();
                }
                await importer.CompleteAsync(ct);
            }
            return count;
        }
        finally { await db.Database.CloseConnectionAsync(); }
    }
}
