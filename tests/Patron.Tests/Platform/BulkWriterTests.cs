using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Patron.Commerce;
using Patron.Customers;
using Patron.Customers.Contracts;
using Patron.Platform;
using Patron.Platform.Bulk;
using Patron.Tests.Infrastructure;

namespace Patron.Tests.Platform;

public sealed class BulkWriterTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Bulk_inserted_rows_read_back_through_EF_unchanged(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        // 57 customers: two full multi-row statements on SQLite and a remainder written row by row.
        var customers = Enumerable.Range(0, 57).Select(BulkRows.Customer).ToList();
        var store = BulkRows.Store();
        var parent = new Category { Id = Guid.CreateVersion7(), Code = "FRESH", Name = "生鲜" };
        var leaf = new Category { Id = Guid.CreateVersion7(), Code = "FRUIT", Name = "水果", ParentId = parent.Id };
        var product = new Product { Id = Guid.CreateVersion7(), Sku = "100001", Name = "红富士苹果 500g", CategoryId = leaf.Id, ListPrice = 1290 };
        var orders = customers.Select((c, i) => BulkRows.Order(c.Id, store.Id, i)).ToList();
        var lines = orders.Select((o, i) => new OrderLine
        {
            Id = Guid.CreateVersion7(), OrderId = o.Id, CustomerId = i % 2 == 0 ? o.CustomerId : null, LineNo = 1,
            ProductId = product.Id, Quantity = i + 1, UnitPrice = 1290, Amount = 1290L * (i + 1),
        }).ToList();
        var identifiers = customers.Select(c => new CustomerIdentifier
        {
            Id = Guid.CreateVersion7(), CustomerId = c.Id, Kind = IdentifierKind.MemberCard, Value = c.MemberCardNo!, Source = "test", CreatedAt = BulkRows.At,
        }).ToList();
        var events = customers.Select((c, i) => new CustomerEvent
        {
            Id = Guid.CreateVersion7(), CustomerId = c.Id, Kind = (EventKind)(i % 7), At = BulkRows.At, Channel = SalesChannel.MiniProgram,
            StoreId = i % 2 == 0 ? store.Id : null, ProductId = i % 3 == 0 ? product.Id : null, Payload = i % 2 == 0 ? """{"q":"草莓"}""" : null,
        }).ToList();

        await using (var db = database.NewContext())
        {
            Assert.Equal(57, await BulkWriter.InsertAsync(db, customers, Ct));
            await BulkWriter.InsertAsync(db, [store], Ct);
            await BulkWriter.InsertAsync(db, [parent, leaf], Ct);
            await BulkWriter.InsertAsync(db, [product], Ct);
            await BulkWriter.InsertAsync(db, orders, Ct);
            await BulkWriter.InsertAsync(db, lines, Ct);
            await BulkWriter.InsertAsync(db, identifiers, Ct);
            await BulkWriter.InsertAsync(db, events, Ct);
        }

        await using var read = database.NewContext();
        Assert.Equivalent(customers.OrderBy(c => c.Id), await read.Customers.OrderBy(c => c.Id).ToListAsync(Ct), strict: true);
        Assert.Equivalent(store, await read.Stores.SingleAsync(Ct), strict: true);
        Assert.Equivalent(new[] { parent, leaf }, await read.Categories.OrderBy(c => c.Id).ToListAsync(Ct), strict: true);
        Assert.Equivalent(product, await read.Products.SingleAsync(Ct), strict: true);
        Assert.Equivalent(orders.OrderBy(o => o.Id), await read.Orders.OrderBy(o => o.Id).ToListAsync(Ct), strict: true);
        Assert.Equivalent(lines.OrderBy(l => l.Id), await read.OrderLines.OrderBy(l => l.Id).ToListAsync(Ct), strict: true);
        Assert.Equivalent(identifiers.OrderBy(i => i.Id), await read.CustomerIdentifiers.OrderBy(i => i.Id).ToListAsync(Ct), strict: true);
        Assert.Equivalent(events.OrderBy(e => e.Id), await read.CustomerEvents.OrderBy(e => e.Id).ToListAsync(Ct), strict: true);
        // Queries translated to SQL must see the stored forms too, not just materialisation.
        Assert.Equal(customers.Count(c => c.Tags.Contains("VIP")), await read.Customers.CountAsync(c => c.Tags.Contains("VIP"), Ct));
        Assert.Equal(customers.Count(c => c.Gender == Gender.Female), await read.Customers.CountAsync(c => c.Gender == Gender.Female, Ct));
        Assert.Equal(20, await read.Customers.CountAsync(c => c.SignedUpAt < BulkRows.At.AddMinutes(20), Ct));
        Assert.Equal(customers[1].Id, (await read.Customers.SingleAsync(c => c.Birthday == customers[1].Birthday && c.Id == customers[1].Id, Ct)).Id);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Bulk_inserted_rows_are_stored_exactly_like_rows_EF_saves(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var viaEf = BulkRows.Customer(2);
        var viaBulk = BulkRows.Customer(2);
        viaBulk.Id = Guid.CreateVersion7();
        viaBulk.SignUpStoreId = viaEf.SignUpStoreId;
        await using (var db = database.NewContext())
        {
            db.Customers.Add(viaEf);
            await db.SaveChangesAsync(Ct);
            await BulkWriter.InsertAsync(db, [viaBulk], Ct);
        }

        await using var read = database.NewContext();
        var rows = await RawRowsAsync(read, "SELECT * FROM customers ORDER BY id");
        Assert.Equal(2, rows.Count);
        Assert.Equal(rows[0].Where(kv => kv.Key != "id"), rows[1].Where(kv => kv.Key != "id"));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Bulk_inserts_join_the_callers_transaction(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.NewContext())
        {
            await using var tx = await db.Database.BeginTransactionAsync(Ct);
            await BulkWriter.InsertAsync(db, Enumerable.Range(0, 30).Select(BulkRows.Customer), Ct);
            Assert.Equal(30, await db.Customers.CountAsync(Ct));
            await tx.RollbackAsync(Ct);
        }
        await using var read = database.NewContext();
        Assert.Equal(0, await read.Customers.CountAsync(Ct));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Texts_longer_than_the_binders_row_buffer_and_the_rows_after_them_are_stored_whole(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var job = new Patron.Ingestion.Import.ImportJob { Id = Guid.CreateVersion7(), Source = "s", FileName = "f.csv", StartedAt = BulkRows.At };
        // SQLite binds a row's texts from a 64 KB native buffer and falls back to copying beyond it; every row reuses it.
        var rows = new[] { 10, 70_000, 40_000, 30_000, 5 }.Select((size, i) => new Patron.Ingestion.Import.QuarantinedRow
        {
            Id = Guid.CreateVersion7(), JobId = job.Id, Source = "s", RowKey = $"k{i}", RowNumber = i,
            CellsJson = string.Concat(Enumerable.Range(0, size).Select(n => (char)('a' + (n + i) % 26))),
            Reasons = new string('理', size / 2 + 1), CreatedAt = BulkRows.At,
        }).ToList();
        await using (var db = database.NewContext())
        {
            await BulkWriter.InsertAsync(db, [job], Ct);
            await BulkWriter.InsertAsync(db, rows, Ct);
        }

        await using var read = database.NewContext();
        Assert.Equivalent(rows, await read.Set<Patron.Ingestion.Import.QuarantinedRow>().OrderBy(r => r.RowNumber).ToListAsync(Ct), strict: true);
    }

    [Fact]
    public async Task A_row_without_an_id_is_refused()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = database.NewContext();
        var customer = BulkRows.Customer(1);
        customer.Id = Guid.Empty;
        await Assert.ThrowsAsync<InvalidOperationException>(() => BulkWriter.InsertAsync(db, [customer], Ct));
    }

    static async Task<List<Dictionary<string, object>>> RawRowsAsync(PatronDb db, string sql)
    {
        await db.Database.OpenConnectionAsync(Ct);
        await using DbCommand command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var rows = new List<Dictionary<string, object>>();
        while (await reader.ReadAsync(Ct))
            rows.Add(Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, reader.GetValue));
        return rows;
    }
}
