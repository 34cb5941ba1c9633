using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Patron.Commerce;
using Patron.Customers.Contracts;
using Patron.Platform;
using Patron.Tests.Infrastructure;

namespace Patron.Tests.Commerce;

/// <summary>A merge moves a customer's order lines and refunds by their customer column: SQLite must find them by index, not by a scan.</summary>
public sealed class CustomerIdIndexTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_customers_order_lines_and_refunds_are_found_through_an_index()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = database.NewContext();
        var rows = new MergeRows(db);
        var customer = Guid.CreateVersion7();

        var lines = await PlanAsync(db, rows.Of<OrderLine>(customer).Select(l => l.Id).ToQueryString());
        var refunds = await PlanAsync(db, rows.Of<OrderRefund>(customer).Select(r => r.Id).ToQueryString());

        Assert.Contains("USING INDEX ix_commerce_order_lines_customer_id", lines);
        Assert.Contains("USING INDEX ix_commerce_order_refunds_customer_id", refunds);
    }

    /// <summary>EXPLAIN QUERY PLAN of the SQL that ToQueryString gives, its ".param set" lines turned into parameters.</summary>
    static async Task<string> PlanAsync(DbContext db, string script)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        var sql = new List<string>();
        foreach (var line in script.Split('\n'))
        {
            if (!line.StartsWith(".param set ", StringComparison.Ordinal)) { sql.Add(line); continue; }
            var parts = line[".param set ".Length..].Split(' ', 2);
            command.Parameters.Add(new SqliteParameter(parts[0], parts[1].Trim('\'')));
        }
        command.CommandText = "EXPLAIN QUERY PLAN " + string.Join('\n', sql).Trim();
        var plan = new List<string>();
        await using DbDataReader reader = await command.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct)) plan.Add(reader.GetString(3));
        return string.Join(" | ", plan);
    }
}
