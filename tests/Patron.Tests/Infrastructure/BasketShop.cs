using Patron.Commerce;
using Patron.Commerce.Contracts;
using Patron.Customers;
using Patron.Customers.Contracts;
using Patron.Platform;

namespace Patron.Tests.Infrastructure;

/// <summary>
/// Nine purchases with hand-countable baskets (M milk, B bread, E eggs in 早餐; A apples in 水果):
/// 1 MB, 2 MB, 3 MBE, 4 ME, 5 B, 6 A, 7 AM (Chen), 9 MB (the second store), 10 EA; order 8 (M) is cancelled.
/// Counts: M 6, B 5, E 3, A 3, MB 4, ME 2, AM 1, AE 1.
/// </summary>
public sealed class BasketShop
{
    public required Guid Main { get; init; }
    public required Guid Second { get; init; }
    public required Guid Milk { get; init; }
    public required Guid Bread { get; init; }
    public required Guid Eggs { get; init; }
    public required Guid Apples { get; init; }
    public required Guid Breakfast { get; init; }
    public required Guid Fruit { get; init; }
    public required Guid Chen { get; init; }

    public static async Task<BasketShop> SeedAsync(PatronDb db)
    {
        var breakfast = new Category { Id = Ids.New(), Code = "BRK", Name = "早餐" };
        var fruit = new Category { Id = Ids.New(), Code = "FRT", Name = "水果" };
        Product P(string sku, string name, Category c) => new() { Id = Ids.New(), Sku = sku, Name = name, CategoryId = c.Id, ListPrice = 1000 };
        var (m, b, e, a) = (P("M", "牛奶", breakfast), P("B", "面包", breakfast), P("E", "鸡蛋", breakfast), P("A", "苹果", fruit));
        var main = new Store { Id = Ids.New(), Code = "S1", Name = "一店", OpenedOn = new DateOnly(2020, 1, 1) };
        var second = new Store { Id = Ids.New(), Code = "S2", Name = "二店", OpenedOn = new DateOnly(2020, 1, 1) };
        var now = DateTime.UtcNow.AddDays(-1);
        var chen = new Customer { Id = Ids.New(), Name = "陈静", Gender = Gender.Female, SignUpChannel = SignUpChannel.Store, SignedUpAt = now, CreatedAt = now, UpdatedAt = now };
        db.AddRange(breakfast, fruit, m, b, e, a, main, second, chen);
        var baskets = new (Product[] Items, Store Store, OrderStatus Status, Customer? Customer)[]
        {
            ([m, b], main, OrderStatus.Completed, null), ([m, b], main, OrderStatus.Completed, null), ([m, b, e], main, OrderStatus.Completed, null),
            ([m, e], main, OrderStatus.Completed, null), ([b], main, OrderStatus.Completed, null), ([a], main, OrderStatus.Completed, null),
            ([a, m], main, OrderStatus.Completed, chen), ([m], main, OrderStatus.Cancelled, null), ([m, b], second, OrderStatus.Completed, null),
            ([e, a], main, OrderStatus.PartlyRefunded, null),
        };
        for (var i = 0; i < baskets.Length; i++)
        {
            var (items, store, status, customer) = baskets[i];
            var order = new Order
            {
                Id = Ids.New(), Source = SalesChannel.Pos, ExternalId = $"B{i + 1}", StoreId = store.Id, CustomerId = customer?.Id,
                PlacedAt = now.AddMinutes(i), Status = status, CreatedAt = now, GrossAmount = 1000 * items.Length, PaidAmount = 1000 * items.Length,
            };
            foreach (var p in items)
                order.Lines.Add(new OrderLine { Id = Ids.New(), OrderId = order.Id, CustomerId = customer?.Id, LineNo = order.Lines.Count + 1, ProductId = p.Id, Quantity = 1, UnitPrice = 1000, Amount = 1000 });
            db.Orders.Add(order);
        }
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        return new BasketShop
        {
            Main = main.Id, Second = second.Id, Milk = m.Id, Bread = b.Id, Eggs = e.Id, Apples = a.Id,
            Breakfast = breakfast.Id, Fruit = fruit.Id, Chen = chen.Id,
        };
    }
}
