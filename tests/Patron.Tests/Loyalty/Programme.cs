using Microsoft.EntityFrameworkCore;
using Patron.Commerce;
using Patron.Commerce.Contracts;
using Patron.Customers.Contracts;
using Patron.Loyalty;
using Patron.Platform;
using Patron.Platform.Audit;
using Patron.Tests.Fixtures;
using Patron.Tests.Infrastructure;

namespace Patron.Tests.Loyalty;

/// <summary>
/// A shop with the loyalty programme wired in as DI wires it: orders and refunds tell the loyalty observer.
/// The catalogue adds a wine category to <see cref="Catalog"/>; all handlers run at a given instant.
/// </summary>
sealed record Programme(Catalog Catalog, Guid WineCategoryId, Guid WineId, Guid CustomerId)
{
    public const string Wine = "WN-BORDEAUX";
    /// <summary>A Tuesday, 10:00 in Shanghai.</summary>
    public static readonly DateTime Tuesday = new(2026, 6, 2, 2, 0, 0, DateTimeKind.Utc);

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<Programme> OpenAsync(TestDatabase database)
    {
        var customer = await Ledger.NewCustomerAsync(database);
        await using var db = database.NewContext();
        var catalog = await Catalog.SeedAsync(db);
        var wines = new Category { Id = Ids.New(), Code = "WINE", Name = "酒水" };
        var wine = new Product { Id = Ids.New(), Sku = Wine, Name = "波尔多红酒", CategoryId = wines.Id, ListPrice = 9900 };
        db.AddRange(wines, wine);
        await db.SaveChangesAsync(Ct);
        return new Programme(catalog, wines.Id, wine.Id, customer);
    }

    public static LoyaltyOrderObserver Observer(PatronDb db, DateTime at) => new(db, new StoreDirectory(db), new TierUpgrades(db), new FixedClock(at));

    public static CreateOrderHandler Orders(PatronDb db, DateTime at) => new(db, new CustomerDirectory(db), new FixedClock(at), [Observer(db, at)]);

    public static RefundOrderHandler Refunds(PatronDb db, DateTime at) => new(db, new FixedClock(at), [Observer(db, at)]);

    public static CommitTillHandler Till(PatronDb db, DateTime at) => new(db, new CustomerDirectory(db), new StoreDirectory(db), new FixedClock(at));

    public static QuoteTillHandler Quote(PatronDb db, DateTime at) => new(db, new CustomerDirectory(db), new StoreDirectory(db), new FixedClock(at));

    public static IssueCouponHandler Issue(PatronDb db, DateTime at) => new(db, new CustomerDirectory(db), new FixedClock(at));

    public static CreateCouponTemplateHandler Templates(PatronDb db, DateTime at) => new(db, new AuditLog(db, new FixedClock(at)), new FixedClock(at));

    /// <summary>Apples 3 × 12.90, milk 2 × 15.50, wine 99.00: gross 168.70; with 8.70 off, 160.00 paid.</summary>
    public CreateOrder Sale(string externalId, DateTime placedAt, long discount = 870) => new(SalesChannel.Pos, externalId, placedAt,
        [new CreateOrderLine(Catalog.Apples, Quantity: 3, UnitPrice: 1290), new CreateOrderLine(Catalog.Milk, Quantity: 2, UnitPrice: 1550),
         new CreateOrderLine(Wine, Quantity: 1, UnitPrice: 9900)],
        StoreCode: Catalog.StoreCode, CustomerId: CustomerId, DiscountAmount: discount);

    /// <summary>The same cart at the till.</summary>
    public IReadOnlyList<TillLine> Cart => [new(Catalog.ApplesId, 3870), new(Catalog.MilkId, 3100), new(WineId, 9900)];

    public static async Task<OrderDetails> PlaceAsync(TestDatabase database, CreateOrder sale, DateTime at)
    {
        await using var db = database.NewContext();
        return (await Orders(db, at).HandleAsync(sale, Ct)).Ok().Order;
    }

    public static async Task SaveAsync(TestDatabase database, params object[] rows)
    {
        await using var db = database.NewContext();
        db.AddRange(rows);
        await db.SaveChangesAsync(Ct);
    }

    public static async Task<List<PointsLot>> LotsAsync(TestDatabase database, Guid customerId)
    {
        await using var db = database.NewContext();
        return await db.Set<PointsLot>().AsNoTracking().Where(l => l.CustomerId == customerId).OrderBy(l => l.EarnedAt).ThenBy(l => l.Id).ToListAsync(Ct);
    }
}
