using Microsoft.EntityFrameworkCore;
using Patron.Analytics.Predictions;
using Patron.Commerce;
using Patron.Commerce.Contracts;
using Patron.Customers;
using Patron.Customers.Contracts;
using Patron.Customers.Merging;
using Patron.Engine.Loyalty;
using Patron.Loyalty;
using Patron.Platform;
using Patron.Platform.Audit;
using Patron.Segmentation;
using Patron.Tests.Fixtures;
using Patron.Tests.Infrastructure;

namespace Patron.Tests.Customers.Merging;

public sealed class MergeCustomersTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// The sample shop's Wang, and a second Wang record from the mini-program with its own identifier, order, event,
    /// points, segment stay and forecast: everything a merge has to move.
    /// </summary>
    static async Task<(SampleShop Shop, Customer Second)> SeedAsync(MergingWorld world)
    {
        var now = DateTime.UtcNow;
        SampleShop shop;
        await using (var db = world.Database.NewContext()) shop = await SampleShop.SeedAsync(db, now);
        var second = await world.AddAsync("王小明", "+8615012345678", new DateOnly(1988, 8, 8), "上海市黄浦区南京东路100号", Gender.Male, now.AddDays(-3),
            c => (c.Email, c.SignUpChannel, c.MobileVerified, c.Tags) = ("xm@example.com", SignUpChannel.MiniProgram, true, ["新客"]));
        await using (var db = world.Database.NewContext())
        {
            db.CustomerIdentifiers.Add(new CustomerIdentifier { Id = Ids.New(), CustomerId = second.Id, Kind = IdentifierKind.Mobile, Value = second.Mobile!, Source = "mini", CreatedAt = now });
            db.CustomerEvents.Add(new CustomerEvent { Id = Ids.New(), CustomerId = second.Id, Kind = EventKind.PageView, At = now.AddDays(-1), Channel = SalesChannel.MiniProgram });
            var order = new Order { Id = Ids.New(), Source = SalesChannel.MiniProgram, ExternalId = "MP-1", StoreId = shop.Downtown.Id, CustomerId = second.Id, PlacedAt = now.AddDays(-1), Status = OrderStatus.Completed, PaymentMethod = PaymentMethod.WeChatPay, CreatedAt = now };
            order.Lines.Add(new OrderLine { Id = Ids.New(), OrderId = order.Id, CustomerId = second.Id, ProductId = shop.Milk.Id, Quantity = 1, UnitPrice = 1500 });
            db.Orders.Add(order);
            var segment = new Segment { Id = Ids.New(), Name = "新客", RuleJson = "{}", CreatedAt = now, UpdatedAt = now };
            db.Segments.Add(segment);
            db.SegmentMemberships.Add(new SegmentMembership { Id = Ids.New(), SegmentId = segment.Id, CustomerId = second.Id, EnteredAt = now.AddDays(-1) });
            var run = new PredictionRun { Id = Ids.New(), ComputedAt = now, CalibrationEnd = DateOnly.FromDateTime(now) };
            db.Add(run);
            db.Add(new CustomerForecast { CustomerId = second.Id, RunId = run.Id, ProbabilityAlive = 0.5, ExpectedPurchases90 = 1.25 });
            await db.SaveChangesAsync(Ct);
        }
        (await world.Handler<AdjustPointsHandler, WriteResult<PointsAdjusted>>(h => h.HandleAsync(new AdjustPoints(second.Id, 300, "welcome"), Handlers.Clerk, Ct))).Ok();
        return (shop, second);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_merge_moves_orders_events_identifiers_points_memberships_and_forecasts_to_the_older_record(DatabaseProvider provider)
    {
        await using var world = await MergingWorld.CreateAsync(provider);
        var (shop, second) = await SeedAsync(world);

        var done = (await world.MergeAsync(second.Id, shop.Wang.Id)).Ok();

        Assert.Equal((shop.Wang.Id, second.Id), (done.SurvivorId, done.AbsorbedId));
        await using var db = world.Database.NewContext();
        Assert.False(await db.Orders.AnyAsync(o => o.CustomerId == second.Id, Ct));
        Assert.Equal(5, await db.Orders.CountAsync(o => o.CustomerId == shop.Wang.Id, Ct)); // the sample shop's four and the second record's one
        Assert.False(await db.OrderLines.AnyAsync(l => l.CustomerId == second.Id, Ct));
        Assert.Equal(3, await db.CustomerEvents.CountAsync(e => e.CustomerId == shop.Wang.Id, Ct));
        Assert.Equal(["+8613812341234", "+8615012345678"], (await db.CustomerIdentifiers.Where(i => i.CustomerId == shop.Wang.Id).Select(i => i.Value).ToListAsync(Ct)).Order());
        Assert.Equal(300, (await db.Set<PointsAccount>().SingleAsync(Ct)).Balance);
        Assert.Equal(shop.Wang.Id, (await db.Set<PointsAccount>().SingleAsync(Ct)).CustomerId);
        Assert.All(await db.Set<PointsEntry>().ToListAsync(Ct), e => Assert.Equal(shop.Wang.Id, e.CustomerId));
        Assert.All(await db.Set<PointsLot>().ToListAsync(Ct), l => Assert.Equal(shop.Wang.Id, l.CustomerId));
        Assert.Equal(shop.Wang.Id, (await db.SegmentMemberships.SingleAsync(Ct)).CustomerId);
        Assert.Equal(shop.Wang.Id, (await db.Set<CustomerForecast>().SingleAsync(Ct)).CustomerId);
        var tombstone = await db.Customers.IgnoreQueryFilters().SingleAsync(c => c.Id == second.Id, Ct);
        Assert.Equal(shop.Wang.Id, tombstone.MergedIntoId);
        Assert.Null(await db.Customers.FirstOrDefaultAsync(c => c.Id == second.Id, Ct));
        var audit = await db.AuditEntries.SingleAsync(a => a.Subject == "customer.merge", Ct);
        Assert.Equal((shop.Wang.Id, "user-7"), (audit.CustomerId, audit.ActorId));
        // The absorbed mobile now finds the survivor, at the till and in search.
        Assert.Equal(shop.Wang.Id, await new CustomerDirectory(db).FindAsync(IdentifierKind.Mobile, "+8615012345678", Ct));
        var found = await Handlers.SearchCustomers(db).HandleAsync(new SearchCustomers("王小明"), Ct);
        Assert.Equal([shop.Wang.Id], found.Items.Select(c => c.Id));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task An_unmerge_restores_both_customers_and_all_their_rows_exactly(DatabaseProvider provider)
    {
        await using var world = await MergingWorld.CreateAsync(provider);
        var (shop, second) = await SeedAsync(world);
        var before = await world.SnapshotAsync();
        var done = (await world.MergeAsync(shop.Wang.Id, second.Id)).Ok();
        Assert.NotEqual(before, await world.SnapshotAsync());

        (await world.UnmergeAsync(done.MergeId)).Ok();

        var after = await world.SnapshotAsync();
        foreach (var table in before.Keys) Assert.Equal(before[table], after[table]);
        await using var db = world.Database.NewContext();
        var merge = await db.Set<CustomerMerge>().SingleAsync(Ct);
        Assert.Equal("reviewer@patron.test", merge.UnmergedBy);
        // Undone means "two people": the pair is not merged again by the next run.
        Assert.Equal(CandidateStatus.Rejected, (await db.Set<MatchCandidate>().SingleAsync(Ct)).Status);
        Assert.Equal(0, (await world.RunAsync()).Merged);
        Assert.NotNull((await world.UnmergeAsync(done.MergeId)).Errors);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task The_golden_record_takes_each_field_by_its_rule_and_keeps_a_verified_mobile(DatabaseProvider provider)
    {
        await using var world = await MergingWorld.CreateAsync(provider);
        var now = DateTime.UtcNow;
        var old = await world.AddAsync("Li", "+8613700001111", null, "上海市", Gender.Unknown, now.AddDays(-500), c =>
            (c.MobileVerified, c.Email, c.SignUpChannel, c.Tags, c.UpdatedAt, c.MemberCardNo) = (true, "old@example.com", SignUpChannel.Import, ["A"], now.AddDays(-400), "C-1"));
        var recent = await world.AddAsync("李 雷", "+8615800002222", new DateOnly(1985, 3, 2), "上海市浦东新区张杨路500号", Gender.Male, now.AddDays(-10), c =>
            (c.Province, c.City, c.Email, c.Occupation, c.SignUpChannel, c.Tags, c.UpdatedAt, c.MemberCardNo) = ("上海市", "上海市", "new@example.com", "教师", SignUpChannel.Store, ["B"], now.AddDays(-1), "C-2"));

        (await world.MergeAsync(recent.Id, old.Id)).Ok();

        await using var db = world.Database.NewContext();
        var golden = await db.Customers.SingleAsync(Ct);
        Assert.Equal(old.Id, golden.Id);
        Assert.Equal("李 雷", golden.Name);                     // typed in a store beats an import
        Assert.Equal(("+8613700001111", true), (golden.Mobile, golden.MobileVerified)); // verified, though older
        Assert.Equal("new@example.com", golden.Email);         // most recent
        Assert.Equal("教师", golden.Occupation);
        Assert.Equal((Gender.Male, new DateOnly(1985, 3, 2)), (golden.Gender, golden.Birthday)); // filled where empty
        Assert.Equal(("上海市", "上海市浦东新区张杨路500号"), (golden.Province, golden.Address)); // the more complete address
        Assert.Equal("C-1", golden.MemberCardNo);              // the survivor's card
        Assert.Equal(SignUpChannel.Import, golden.SignUpChannel); // the earlier sign-up (PostgreSQL keeps microseconds)
        Assert.Equal(old.SignedUpAt, golden.SignedUpAt, TimeSpan.FromMilliseconds(1));
        Assert.Equal(["A", "B"], golden.Tags.Order());
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task An_unverified_mobile_gives_way_to_the_more_recent_one(DatabaseProvider provider)
    {
        await using var world = await MergingWorld.CreateAsync(provider);
        var now = DateTime.UtcNow;
        var old = await world.AddAsync("赵雷", "+8613700001111", createdAt: now.AddDays(-500));
        var recent = await world.AddAsync("赵雷", "+8615800002222", createdAt: now.AddDays(-5));

        (await world.MergeAsync(old.Id, recent.Id)).Ok();

        await using var db = world.Database.NewContext();
        Assert.Equal("+8615800002222", (await db.Customers.SingleAsync(Ct)).Mobile);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Customers_who_both_hold_points_are_not_merged_and_say_why(DatabaseProvider provider)
    {
        await using var world = await MergingWorld.CreateAsync(provider);
        var a = await world.AddAsync("孙丽", "+8613700001111");
        var b = await world.AddAsync("孙丽", "+8615800002222");
        foreach (var id in new[] { a.Id, b.Id })
            (await world.Handler<AdjustPointsHandler, WriteResult<PointsAdjusted>>(h => h.HandleAsync(new AdjustPoints(id, 10, "gift"), Handlers.Clerk, Ct))).Ok();
        var before = await world.SnapshotAsync();

        var result = await world.MergeAsync(a.Id, b.Id);

        Assert.Contains("points account", result.Errors!.ToDictionary()["merge"][0]);
        Assert.Equal(before, await world.SnapshotAsync());
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Customers_who_both_hold_a_numbered_coupon_of_one_template_are_not_merged(DatabaseProvider provider)
    {
        await using var world = await MergingWorld.CreateAsync(provider);
        var a = await world.AddAsync("孙丽", "+8613700001111");
        var b = await world.AddAsync("孙丽", "+8615800002222");
        var template = (await world.Handler<CreateCouponTemplateHandler, WriteResult<CouponTemplateCreated>>(h => h.HandleAsync(
            new CreateCouponTemplate("每人一张", CouponKind.AmountOff, AmountOff: 500, ValidDays: 30, PerCustomerLimit: 1), Handlers.Clerk, Ct))).Ok().Id;
        foreach (var id in new[] { a.Id, b.Id })
            (await world.Handler<IssueCouponHandler, WriteResult<CouponIssued>>(h => h.HandleAsync(new IssueCoupon(template, id, $"gift-{id}"), Ct))).Ok();
        var before = await world.SnapshotAsync();

        var result = await world.MergeAsync(a.Id, b.Id);

        Assert.Contains("same template", result.Errors!.ToDictionary()["merge"][0]);
        Assert.Equal(before, await world.SnapshotAsync());
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_merged_customer_cannot_be_merged_again_and_a_missing_one_is_not_found(DatabaseProvider provider)
    {
        await using var world = await MergingWorld.CreateAsync(provider);
        var a = await world.AddAsync("周杰");
        var b = await world.AddAsync("周杰");
        var c = await world.AddAsync("周杰");
        (await world.MergeAsync(a.Id, b.Id)).Ok();

        Assert.NotNull((await world.MergeAsync(b.Id, c.Id)).Errors);
        Assert.True((await world.MergeAsync(a.Id, Guid.NewGuid())).NotFound);
        Assert.NotNull((await world.MergeAsync(a.Id, a.Id)).Errors);
    }
}
