using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Patron.Platform.Bulk;

/// <summary>PostgreSQL: binary COPY, typed by the store types of EF's mappings. Joins the caller's transaction when there is one.</summary>
static class PostgresBulkCopy
{
    public static async Task<long> WriteAsync<T>(DbContext db, BulkTable table, IEnumerable<T> rows, CancellationToken ct) where T : class
    {
        var helper = db.GetService<ISqlGenerationHelper>();
        var columns = table.Columns;
        var types = columns.Select(c => c.Mapping.StoreType).ToArray();
        var copy = $"COPY {table.QuotedName(helper.DelimitIdentifier)} ({string.Join(", ", columns.Select(c => helper.DelimitIdentifier(c.Name)))}) FROM STDIN (FORMAT BINARY)";

        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            long count = 0;
            await using (var importer = await connection.BeginBinaryImportAsync(copy, ct))
            {
                foreach (var row in rows)
                {
                    await importer.StartRowAsync(ct);
                    for (var c = 0; c < columns.Count; c++)
                    {
                        var value = columns[c].ProviderValue(row);
                        if (value is DBNull) await importer.WriteNullAsync(ct);
                        else await importer.WriteAsync(value, types[c], ct);
                    }
                    count++;
                }
                await importer.CompleteAsync(ct);
            }
            return count;
        }
        finally { await db.Database.CloseConnectionAsync(); }
    }
}
