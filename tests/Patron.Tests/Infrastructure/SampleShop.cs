using Patron.Commerce;
using Patron.Commerce.Contracts;
using Patron.Customers;
using Patron.Customers.Contracts;
using Patron.Platform;

namespace Patron.Tests.Infrastructure;

/// <summary>
/// A tiny shop with known numbers, inserted with PatronDb directly: two stores, three products, three customers
/// (Wang and Li buy, Zhao never does) and orders at fixed distances from <c>now</c>.
/// Purchases in the last 30 days: Wang 2 days ago (¥100.00) and 10 days ago (¥55.50), one anonymous sale today (¥20.00);
/// outside: Li 40 days ago (¥80.00), Wang 100 days ago (¥30.00); excluded: Wang's cancelled order yesterday (¥999.00).
/// </summary>
public sealed class SampleShop
{
    public const string WangMobile = "+8613812341234";
    public const string LiMobile = "+8613900001111";
    public const string ZhaoMobile = "+8613700002222";

    public required Store Downtown { get; init; }
    public required Store Airport { get; init; }
    public required Product Apples { get; init; }
    public required Product Milk { get; init; }
    public required Product Rice { get; init; }
    public required Customer Wang { get; init; }
    public required Customer Li { get; init; }
    public required Customer Zhao { get; init; }
    public List<Order> Orders { get; } = [];

    public static async Task<SampleShop> SeedAsync(PatronDb db, DateTime now)
    {
        var fruit = new Category { Id = Ids.New(), Code = "FRUIT", Name = "水果" };
        var shop = new SampleShop
        {
            Downtown = new Store { Id = Ids.New(), Code = "SH001", Name = "上海南京路店", Province = "上海市", City = "上海市", District = "黄浦区", Address = "南京东路 1 号", OpenedOn = new DateOnly(2020, 5, 1) },
            Airport = new Store { Id = Ids.New(), Code = "SH002", Name = "浦东机场店", Province = "上海市", City = "上海市", District = "浦东新区", Address = "机场大道 9 号", OpenedOn = new DateOnly(2022, 1, 15) },
            Apples = new Product { Id = Ids.New(), Sku = "P-APPLE", Name = "烟台红富士苹果", CategoryId = fruit.Id, ListPrice = 1250 },
            Milk = new Product { Id = Ids.New(), Sku = "P-MILK", Name = "鲜牛奶 1L", CategoryId = fruit.Id, ListPrice = 1500 },
            Rice = new Product { Id = Ids.New(), Sku = "P-RICE", Name = "五常大米 5kg", CategoryId = fruit.Id, ListPrice = 8000 },
            Wang = NewCustomer("王小明", Gender.Male, WangMobile, "M0001", now.AddDays(-400)),
            Li = NewCustomer("李华", Gender.Female, LiMobile, "M0002", now.AddDays(-200)),
            Zhao = NewCustomer("赵雷", Gender.Unknown, ZhaoMobile, "M0003", now.AddDays(-5)),
        };
        db.Categories.Add(fruit);
        db.Stores.AddRange(shop.Downtown, shop.Airport);
        db.Products.AddRange(shop.Apples, shop.Milk, shop.Rice);
        db.Customers.AddRange(shop.Wang, shop.Li, shop.Zhao);
        foreach (var c in new[] { shop.Wang, shop.Li, shop.Zhao })
            db.CustomerIdentifiers.Add(new CustomerIdentifier { Id = Ids.New(), CustomerId = c.Id, Kind = IdentifierKind.Mobile, Value = c.Mobile!, Source = "pos", CreatedAt = c.SignedUpAt });

        shop.Add(shop.Wang, shop.Downtown, now.AddDays(-2), OrderStatus.Completed, (shop.Rice, 1, 8000), (shop.Apples, 2, 1000));
        shop.Add(shop.Wang, shop.Airport, now.AddDays(-10), OrderStatus.Completed, (shop.Milk, 3, 1850));
        shop.Add(null, shop.Downtown, now.AddMinutes(-1), OrderStatus.Completed, (shop.Apples, 2, 1000));
        shop.Add(shop.Li, shop.Airport, now.AddDays(-40), OrderStatus.Completed, (shop.Rice, 1, 8000));
        shop.Add(shop.Wang, shop.Downtown, now.AddDays(-100), OrderStatus.Completed, (shop.Apples, 3, 1000));
        shop.Add(shop.Wang, shop.Downtown, now.AddDays(-1), OrderStatus.Cancelled, (shop.Rice, 1, 99900));
        db.Orders.AddRange(shop.Orders);

        db.CustomerEvents.AddRange(
            new CustomerEvent { Id = Ids.New(), CustomerId = shop.Wang.Id, Kind = EventKind.StoreVisit, At = now.AddDays(-2), Channel = SalesChannel.Pos, StoreId = shop.Downtown.Id },
            new CustomerEvent { Id = Ids.New(), CustomerId = shop.Wang.Id, Kind = EventKind.ProductView, At = now.AddDays(-3), Channel = SalesChannel.MiniProgram, ProductId = shop.Rice.Id });
        await db.SaveChangesAsync();
        return shop;
    }

    static Customer NewCustomer(string name, Gender gender, string mobile, string card, DateTime signedUp) => new()
    {
        Id = Ids.New(), Name = name, Gender = gender, Mobile = mobile, MemberCardNo = card, Province = "上海市", City = "上海市",
        SignUpChannel = SignUpChannel.Store, SignedUpAt = signedUp, CreatedAt = signedUp, UpdatedAt = signedUp, Tags = ["VIP"],
    };

    void Add(Customer? customer, Store store, DateTime at, OrderStatus status, params (Product Product, int Quantity, long UnitPrice)[] lines)
    {
        var order = new Order
        {
            Id = Ids.New(), Source = SalesChannel.Pos, ExternalId = $"T{Orders.Count + 1:D4}", StoreId = store.Id, CustomerId = customer?.Id,
            PlacedAt = at, Status = status, PaymentMethod = PaymentMethod.WeChatPay, CreatedAt = at,
        };
        foreach (var (product, quantity, unitPrice) in lines)
            order.Lines.Add(new OrderLine
            {
                Id = Ids.New(), OrderId = order.Id, CustomerId = customer?.Id, LineNo = order.Lines.Count + 1, ProductId = product.Id,
                Quantity = quantity, UnitPrice = unitPrice, Amount = quantity * unitPrice,
            });
        order.GrossAmount = order.PaidAmount = order.Lines.Sum(l => l.Amount);
        Orders.Add(order);
    }
}
