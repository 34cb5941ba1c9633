using Microsoft.EntityFrameworkCore;
using Patron.Commerce;
using Patron.Commerce.Contracts;
using Patron.Customers;
using Patron.Customers.Contracts;
using Patron.Platform;
using Patron.Platform.Bulk;

namespace Patron.Bench;

/// <summary>
/// Writes <see cref="SegmentData"/>'s shop into a migrated Patron database with the product's bulk writer (setup, not
/// timed): one store per generated store name, one top-level category and product per generated category, each
/// customer with the generated facts, each order with one line per category amount. Order ids rise with the generated
/// order, so a load in order id order applies purchases in the same order as the in-memory build it is checked against
/// (<see cref="Guid.CreateVersion7()"/> orders ids within a millisecond at random, which would move favourite-store ties).
/// </summary>
static class FeatureLoadShop
{
    const int Batch = 10_000;

    public static async Task WriteAsync(PatronDb db, SegmentData data)
    {
        await using var settings = await BulkWriter.PrepareForLargeLoadAsync(db);
        await using var tx = await db.Database.BeginTransactionAsync();
        var created = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var stores = Enumerable.Range(0, 40).Select(i => new Store { Id = Ids.New(), Code = $"S{i:000}", Name = $"S{i:000}", City = "上海" }).ToArray();
        var categories = SegmentData.Categories.Select((c, i) => new Category { Id = Ids.New(), Code = $"C{i:00}", Name = c }).ToArray();
        var products = categories.Select((c, i) => new Product { Id = Ids.New(), Sku = $"P{i:00}", Name = c.Name, CategoryId = c.Id, ListPrice = 100 }).ToArray();
        await BulkWriter.InsertAsync(db, stores);
        await BulkWriter.InsertAsync(db, categories);
        await BulkWriter.InsertAsync(db, products);
        var storeIds = stores.ToDictionary(s => s.Name, s => s.Id);
        var productIds = products.ToDictionary(p => p.Name, p => p.Id);

        foreach (var chunk in Enumerable.Range(0, data.Customers).Chunk(Batch))
            await BulkWriter.InsertAsync(db, chunk.Select(i => Customer(data, i, created)));

        var (orderNo, lineNo) = (0, 0);
        foreach (var chunk in data.Orders().Chunk(Batch))
        {
            var orders = new List<Order>(chunk.Length);
            var lines = new List<OrderLine>(chunk.Length * 4);
            foreach (var (c, p) in chunk)
            {
                var id = Sequential(++orderNo, 0x7001);
                var customer = data.Ids[c];
                orders.Add(new Order
                {
                    Id = id, Source = Enum.Parse<SalesChannel>(p.Channel), ExternalId = $"O{orderNo}", StoreId = storeIds[p.Store!],
                    CustomerId = customer, PlacedAt = At(p.Day), Status = p.Counts ? OrderStatus.Completed : OrderStatus.Cancelled,
                    GrossAmount = p.NetAmount, PaidAmount = p.NetAmount, CreatedAt = At(p.Day),
                });
                var n = 0;
                foreach (var (category, amount) in p.CategorySpend ?? [])
                    lines.Add(new OrderLine
                    {
                        Id = Sequential(++lineNo, 0x7002), OrderId = id, CustomerId = customer, LineNo = ++n,
                        ProductId = productIds[category], Quantity = 1, UnitPrice = amount, Amount = amount,
                    });
            }
            await BulkWriter.InsertAsync(db, orders);
            await BulkWriter.InsertAsync(db, lines);
        }
        await tx.CommitAsync();
    }

    static Customer Customer(SegmentData data, int i, DateTime created)
    {
        var f = data.Facts(i);
        return new Customer
        {
            Id = data.Ids[i], Name = $"顾客{i}", Gender = f.Gender switch { "male" => Gender.Male, "female" => Gender.Female, _ => Gender.Unknown },
            Birthday = f.Birthday, Province = f.Province, City = f.City, Occupation = f.Occupation, Tags = [.. f.Tags ?? []],
            SignedUpAt = At(f.SignedUp!.Value), CreatedAt = created, UpdatedAt = created,
        };
    }

    /// <summary>10:00 in Shanghai, well inside the local day whichever way the zone is applied.</summary>
    static DateTime At(DateOnly day) => day.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc);

    /// <summary>An id whose text and byte order (SQLite compares text, PostgreSQL bytes) both follow <paramref name="n"/>.</summary>
    static Guid Sequential(int n, short kind) => new(n, kind, 0x7000, 0x80, 0, 0, 0, 0, 0, 0, 0);
}
