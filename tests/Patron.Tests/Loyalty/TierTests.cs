using Microsoft.EntityFrameworkCore;
using Patron.Commerce;
using Patron.Customers.Contracts;
using Patron.Loyalty;
using Patron.Platform;
using Patron.Tests.Fixtures;
using Patron.Tests.Infrastructure;
using static Patron.Tests.Loyalty.Programme;

namespace Patron.Tests.Loyalty;

public sealed class TierTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static CreateOrder Spend(Programme shop, string id, DateTime placedAt, long fen) =>
        new(SalesChannel.Pos, id, placedAt, [new CreateOrderLine(Catalog.Apples, Quantity: 1, UnitPrice: fen)], StoreCode: Catalog.StoreCode, CustomerId: shop.CustomerId);

    static async Task<List<(TierChangeKind Kind, string Tier)>> HistoryAsync(TestDatabase database, Guid customerId)
    {
        await using var db = database.NewContext();
        return (await (from c in db.Set<TierChange>() join t in db.Set<LoyaltyTier>() on c.ToTierId equals t.Id
                       where c.CustomerId == customerId orderby c.At select new { c.Kind, t.Code }).ToListAsync(Ct))
            .Select(x => (x.Kind, x.Code)).ToList();
    }

    static async Task<(string Tier, DateTime ReviewAt)> TierAsync(TestDatabase database, Guid customerId)
    {
        await using var db = database.NewContext();
        var m = await db.Set<MemberTier>().SingleAsync(m => m.CustomerId == customerId, Ct);
        return ((await db.Set<LoyaltyTier>().SingleAsync(t => t.Id == m.TierId, Ct)).Code, m.ReviewAt);
    }

    static async Task<TiersEvaluated> EvaluateAsync(TestDatabase database, DateTime asOf)
    {
        await using var db = database.NewContext();
        return await new EvaluateTiersHandler(db).HandleAsync(new EvaluateTiers(asOf), Ct);
    }

    static async Task<Programme> LadderAsync(TestDatabase database, int graceDays = 0)
    {
        var shop = await OpenAsync(database);
        await using var db = database.NewContext();
        Assert.Equal(4, await new DefaultTiersHandler(db).HandleAsync(Ct));
        db.Add(new LoyaltySettings { TierGraceDays = graceDays });
        await db.SaveChangesAsync(Ct);
        return shop;
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_member_is_upgraded_the_moment_their_spend_reaches_the_threshold(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var shop = await LadderAsync(database);
        await PlaceAsync(database, Spend(shop, "T-1", Tuesday, 199_999), Tuesday);
        Assert.Equal("regular", (await TierAsync(database, shop.CustomerId)).Tier);

        // One more fen makes 2000.00 in the window: silver (thresholds are inclusive), at once, for a year.
        var next = Tuesday.AddDays(1);
        await PlaceAsync(database, Spend(shop, "T-2", next, 1), next);
        Assert.Equal(("silver", next.AddDays(365)), await TierAsync(database, shop.CustomerId));
        Assert.Equal([(TierChangeKind.Joined, "regular"), (TierChangeKind.Upgrade, "silver")], await HistoryAsync(database, shop.CustomerId));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_downgrade_waits_for_the_review_date_and_its_grace_days_and_happens_once(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var shop = await LadderAsync(database, graceDays: 30);
        await PlaceAsync(database, Spend(shop, "T-1", Tuesday, 600_000), Tuesday);
        var (tier, review) = await TierAsync(database, shop.CustomerId);
        Assert.Equal(("gold", Tuesday.AddDays(365)), (tier, review));

        // The window has moved past the only order, but the review plus 30 grace days has not come yet.
        Assert.Equal(new TiersEvaluated(0, 0, 0), await EvaluateAsync(database, review.AddDays(30).AddSeconds(-1)));
        Assert.Equal("gold", (await TierAsync(database, shop.CustomerId)).Tier);

        var due = review.AddDays(30);
        Assert.Equal(new TiersEvaluated(1, 1, 0), await EvaluateAsync(database, due));
        Assert.Equal(("regular", due.AddDays(365)), await TierAsync(database, shop.CustomerId));
        Assert.Equal(new TiersEvaluated(0, 0, 0), await EvaluateAsync(database, due));
        Assert.Equal([(TierChangeKind.Joined, "gold"), (TierChangeKind.Downgrade, "regular")], await HistoryAsync(database, shop.CustomerId));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task At_review_an_order_placed_exactly_one_window_ago_no_longer_counts_but_one_a_second_later_does(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var shop = await LadderAsync(database);
        var other = await Ledger.NewCustomerAsync(database);
        var review = new DateTime(2027, 6, 2, 0, 0, 0, DateTimeKind.Utc);
        await using (var db = database.NewContext())
        {
            var silver = await db.Set<LoyaltyTier>().SingleAsync(t => t.Code == "silver", Ct);
            foreach (var (customer, placed) in new[] { (shop.CustomerId, review.AddDays(-365)), (other, review.AddDays(-365).AddSeconds(1)) })
            {
                db.Add(new MemberTier { CustomerId = customer, TierId = silver.Id, Since = placed, ReviewAt = review });
                db.Add(new OrderEarning { OrderId = Ids.New(), CustomerId = customer, PlacedAt = placed, PaidAmount = 200_000 });
            }
            await db.SaveChangesAsync(Ct);
        }

        Assert.Equal(new TiersEvaluated(2, 1, 0), await EvaluateAsync(database, review));
        Assert.Equal("regular", (await TierAsync(database, shop.CustomerId)).Tier);
        Assert.Equal(("silver", review.AddDays(365)), await TierAsync(database, other));
    }
}
