using Microsoft.EntityFrameworkCore;
using Patron.Customers;
using Patron.Engine.Loyalty;
using Patron.Loyalty;
using Patron.Platform;
using Patron.Platform.Audit;
using Patron.Segmentation;
using Patron.Segmentation.Contracts;
using Patron.Tests.Fixtures;
using Patron.Tests.Infrastructure;
using static Patron.Tests.Loyalty.Programme;

namespace Patron.Tests.Loyalty;

public sealed class CouponIssuingTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static IssueToSegmentHandler ToSegment(PatronDb db, DateTime at) => new(db, new SegmentRoster(db), new AuditLog(db, new FixedClock(at)), new FixedClock(at));

    public static async Task<List<Guid>> CustomersAsync(TestDatabase database, int count, DateOnly? birthday = null)
    {
        await using var db = database.NewContext();
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            var c = new Customer { Id = Ids.New(), Name = $"会员{i}", Birthday = birthday, SignedUpAt = Ledger.Now.AddYears(-1), CreatedAt = Ledger.Now.AddYears(-1), UpdatedAt = Ledger.Now.AddYears(-1) };
            db.Customers.Add(c);
            ids.Add(c.Id);
        }
        await db.SaveChangesAsync(Ct);
        return ids;
    }

    static async Task<Guid> SegmentAsync(TestDatabase database, IEnumerable<Guid> members, IEnumerable<Guid> former)
    {
        await using var db = database.NewContext();
        var segment = new Segment { Id = Ids.New(), Name = "高价值", RuleJson = "{}", CreatedAt = Tuesday, UpdatedAt = Tuesday };
        db.Add(segment);
        db.AddRange(members.Select(c => new SegmentMembership { Id = Ids.New(), SegmentId = segment.Id, CustomerId = c, EnteredAt = Tuesday }));
        db.AddRange(former.Select(c => new SegmentMembership { Id = Ids.New(), SegmentId = segment.Id, CustomerId = c, EnteredAt = Tuesday, LeftAt = Tuesday }));
        await db.SaveChangesAsync(Ct);
        return segment.Id;
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Twelve_concurrent_issues_to_one_customer_respect_a_per_customer_limit_of_two(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var customer = (await CustomersAsync(database, 1))[0];
        Guid templateId;
        await using (var db = database.NewContext())
            templateId = (await Templates(db, Tuesday).HandleAsync(new CreateCouponTemplate("每人两张", CouponKind.AmountOff, AmountOff: 500, ValidDays: 30,
                PerCustomerLimit: 2), Handlers.Clerk, Ct)).Ok().Id;

        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(async i =>
        {
            await using var db = database.NewContext();
            return await Issue(db, Tuesday).HandleAsync(new IssueCoupon(templateId, customer, $"k-{i}"), Ct);
        }));

        Assert.Equal(2, results.Count(r => r.Value is not null));
        Assert.All(results.Where(r => r.Value is null), r => Assert.True(r.Errors!.Has("customerId")));
        await using (var db = database.NewContext())
        {
            Assert.Equal([1, 2], (await db.Set<Coupon>().Where(c => c.CustomerId == customer).Select(c => c.Seq!.Value).ToListAsync(Ct)).Order());
            Assert.Equal(2, (await db.Set<CouponTemplate>().SingleAsync(t => t.Id == templateId, Ct)).IssuedCount);
        }
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Issuing_to_a_segment_reaches_its_current_members_once_per_batch_within_the_total_limit_and_is_audited(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var people = await CustomersAsync(database, 6);
        // Five current members, one who left the segment.
        var segment = await SegmentAsync(database, people.Take(5), people.Skip(5));
        Guid limited, open;
        await using (var db = database.NewContext())
        {
            limited = (await Templates(db, Tuesday).HandleAsync(new CreateCouponTemplate("限量3张", CouponKind.AmountOff, AmountOff: 500, ValidDays: 30,
                TotalLimit: 3), Handlers.Clerk, Ct)).Ok().Id;
            open = (await Templates(db, Tuesday).HandleAsync(new CreateCouponTemplate("满100减20", CouponKind.Threshold, AmountOff: 2000, MinSpend: 10000,
                ValidDays: 30, PerCustomerLimit: 1), Handlers.Clerk, Ct)).Ok().Id;
            // One member already holds the one coupon of "open" they may have.
            (await Issue(db, Tuesday).HandleAsync(new IssueCoupon(open, people[0], "earlier"), Ct)).Ok();
        }

        SegmentIssued first, again, capped;
        await using (var db = database.NewContext())
        {
            first = (await ToSegment(db, Tuesday).HandleAsync(new IssueToSegment(open, segment, "june"), Handlers.Clerk, Ct)).Ok();
            again = (await ToSegment(db, Tuesday.AddHours(1)).HandleAsync(new IssueToSegment(open, segment, "june"), Handlers.Clerk, Ct)).Ok();
            capped = (await ToSegment(db, Tuesday).HandleAsync(new IssueToSegment(limited, segment, "june"), Handlers.Clerk, Ct)).Ok();
        }
        Assert.Equal(new SegmentIssued(Members: 5, Issued: 4, AlreadyIssued: 0, OverCustomerLimit: 1, OverTotalLimit: 0), first);
        // The same batch again: the four have theirs, the first member is still at the limit.
        Assert.Equal(new SegmentIssued(5, 0, 4, 1, 0), again);
        Assert.Equal(new SegmentIssued(5, 3, 0, 0, 2), capped);
        await using (var db = database.NewContext())
        {
            Assert.Equal(0, await db.Set<Coupon>().CountAsync(c => c.CustomerId == people[5], Ct));
            Assert.Equal((5, 3), (await db.Set<Coupon>().CountAsync(c => c.TemplateId == open, Ct), await db.Set<Coupon>().CountAsync(c => c.TemplateId == limited, Ct)));
            var audits = await db.AuditEntries.Where(a => a.Subject == "loyalty_coupon_batch").ToListAsync(Ct);
            Assert.Equal(3, audits.Count);
            Assert.Contains(audits, a => a.Detail!.Contains("5 members, 4 issued") && a.ActorName == Handlers.Clerk.Name);
        }
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Issuing_to_a_segment_needs_a_batch_id_and_an_issuable_template(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext();
        var expired = (await Templates(db, Tuesday).HandleAsync(new CreateCouponTemplate("已过期", CouponKind.AmountOff, AmountOff: 500,
            ValidFrom: Tuesday, ValidTo: Tuesday.AddDays(1)), Handlers.Clerk, Ct)).Ok().Id;
        Assert.True((await ToSegment(db, Tuesday).HandleAsync(new IssueToSegment(expired, Guid.NewGuid(), " "), Handlers.Clerk, Ct)).Errors!.Has("batchId"));
        Assert.True((await ToSegment(db, Tuesday.AddDays(2)).HandleAsync(new IssueToSegment(expired, Guid.NewGuid(), "b"), Handlers.Clerk, Ct)).Errors!.Has("templateId"));
        Assert.True((await ToSegment(db, Tuesday).HandleAsync(new IssueToSegment(Guid.NewGuid(), Guid.NewGuid(), "b"), Handlers.Clerk, Ct)).NotFound);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_stopped_template_is_not_issued_its_coupons_stay_and_resuming_it_is_audited(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var people = await CustomersAsync(database, 2);
        var segment = await SegmentAsync(database, people, []);
        await using var db = database.NewContext();
        var template = (await Templates(db, Tuesday).HandleAsync(new CreateCouponTemplate("暂停测试", CouponKind.AmountOff, AmountOff: 500, ValidDays: 30),
            Handlers.Clerk, Ct)).Ok().Id;
        var held = (await Issue(db, Tuesday).HandleAsync(new IssueCoupon(template, people[0], "before"), Ct)).Ok();
        var toggle = new SetCouponTemplateActiveHandler(db, new AuditLog(db, new FixedClock(Tuesday)));

        Assert.True(await toggle.HandleAsync(template, active: false, Handlers.Clerk, Ct));
        Assert.True((await Issue(db, Tuesday).HandleAsync(new IssueCoupon(template, people[1], "after"), Ct)).Errors!.Has("templateId"));
        Assert.True((await ToSegment(db, Tuesday).HandleAsync(new IssueToSegment(template, segment, "b"), Handlers.Clerk, Ct)).Errors!.Has("templateId"));
        Assert.Equal(CouponStatus.Issued, (await db.Set<Coupon>().AsNoTracking().SingleAsync(c => c.Id == held.Id, Ct)).Status);

        Assert.True(await toggle.HandleAsync(template, active: true, Handlers.Clerk, Ct));
        // Both members get the batch's coupon; the first still holds the one from before as well.
        Assert.Equal(new SegmentIssued(2, 2, 0, 0, 0), (await ToSegment(db, Tuesday).HandleAsync(new IssueToSegment(template, segment, "b"), Handlers.Clerk, Ct)).Ok());
        Assert.Equal(2, await db.Set<Coupon>().CountAsync(c => c.CustomerId == people[0], Ct));
        Assert.False(await toggle.HandleAsync(Guid.NewGuid(), active: true, Handlers.Clerk, Ct));
        Assert.Equal(["暂停测试 (" + template + ") resumed", "暂停测试 (" + template + ") stopped"],
            (await db.AuditEntries.AsNoTracking().Where(a => a.Subject == "loyalty_coupon_template").Select(a => a.Detail!).ToListAsync(Ct)).Order());
    }
}
