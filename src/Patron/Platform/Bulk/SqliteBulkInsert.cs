using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Patron.Platform.Bulk;

/// <summary>
/// SQLite: prepared multi-row INSERT statements reused with new parameter values, all inside one transaction
/// (the caller's, or one of its own). Parameters come from EF's type mappings, so values are stored as EF stores them.
/// </summary>
static class SqliteBulkInsert
{
    /// <summary>Rows per statement: fewer statement executions, while staying far below SQLite's parameter limit.</summary>
    const int ParametersPerStatement = 400;

    public static async Task<long> WriteAsync<T>(DbContext db, BulkTable table, IEnumerable<T> rows, CancellationToken ct) where T : class
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

    static long Write<T>(DbContext db, BulkTable table, IEnumerable<T> rows, CancellationToken ct) where T : class
    {
        var perStatement = Math.Max(1, ParametersPerStatement / table.Columns.Count);
        using var many = Prepare(db, table, perStatement);
        using var one = Prepare(db, table, 1);
        var batch = new T[perStatement];
        var filled = 0;
        long count = 0;
        // Synchronous on purpose: Microsoft.Data.Sqlite has no real async I/O, and the await per statement costs more than the insert.
        foreach (var row in rows)
        {
            batch[filled++] = row;
            if (filled < perStatement) continue;
            Execute(many, table, batch, 0, filled);
            count += filled;
            filled = 0;
            ct.ThrowIfCancellationRequested();
        }
        for (var i = 0; i < filled; i++) Execute(one, table, batch, i, 1);
        return count + filled;
    }

    static void Execute<T>(DbCommand command, BulkTable table, T[] rows, int start, int n) where T : class
    {
        var columns = table.Columns;
        var parameters = command.Parameters;
        for (var r = 0; r < n; r++)
            for (var c = 0; c < columns.Count; c++)
                parameters[r * columns.Count + c].Value = columns[c].ProviderValue(rows[start + r]);
        command.ExecuteNonQuery();
    }

    static DbCommand Prepare(DbContext db, BulkTable table, int rowCount)
    {
        var helper = db.GetService<ISqlGenerationHelper>();
        var sql = new StringBuilder($"INSERT INTO {table.QuotedName(helper.DelimitIdentifier)} (");
        sql.AppendJoin(", ", table.Columns.Select(c => helper.DelimitIdentifier(c.Name))).Append(") VALUES ");
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        for (var r = 0; r < rowCount; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < table.Columns.Count; c++)
            {
                var column = table.Columns[c];
                var name = $"@p{r * table.Columns.Count + c}";
                sql.Append(c == 0 ? name : ", " + name);
                command.Parameters.Add(column.Mapping.CreateParameter(command, name, null, column.Property.IsNullable));
            }
            sql.Append(')');
        }
        command.CommandText = sql.ToString();
        command.Prepare();
        return command;
    }
}
