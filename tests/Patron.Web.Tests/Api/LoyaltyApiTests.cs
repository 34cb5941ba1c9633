using System.Net;
using System.Net.Http.Json;
using Patron.Commerce;
using Patron.Commerce.Contracts;
using Patron.Engine.Loyalty;
using Patron.Loyalty;
using Patron.Platform;
using Patron.Platform.Security;
using Patron.Tests.Infrastructure;

namespace Patron.Web.Tests.Api;

public sealed class LoyaltyApiTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task An_order_through_the_api_earns_points_and_a_refund_through_the_api_takes_its_share_back_once(DatabaseProvider provider)
    {
        await using var app = await ApiFactory.CreateAsync(provider);
        var seed = await ApiSeed.WriteAsync(app);
        using var till = await app.ClientAsync(Permissions.OrdersCreate, Permissions.LoyaltyView);

        var order = await (await till.PostJsonAsync("/api/v1/orders", OrdersApiTests.Sale("POS-1", seed) with { CustomerId = seed.Customer.Id }))
            .ReadAsync<OrderDetails>();
        var points = $"/api/v1/loyalty/customers/{seed.Customer.Id}/points";
        // 4000 fen paid → 40 points, pending through the return window.
        Assert.Equal((40L, 40L), await BalanceAsync(till, points));

        var refund = new RefundOrder("R-1", Amount: 1000);
        var first = await till.PostJsonAsync($"/api/v1/orders/{order.Order.Id}/refunds", refund);
        var replay = await till.PostJsonAsync($"/api/v1/orders/{order.Order.Id}/refunds", refund);
        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.OK), (first.StatusCode, replay.StatusCode));
        Assert.Equal((await first.ReadAsync<OrderRefunded>()) with { Replayed = true }, await replay.ReadAsync<OrderRefunded>());
        // ⌊40 × 1000/4000⌋ = 10 taken back.
        Assert.Equal((30L, 30L), await BalanceAsync(till, points));

        var tooMuch = await till.PostJsonAsync($"/api/v1/orders/{order.Order.Id}/refunds", new RefundOrder("R-2", Amount: 3001));
        Assert.Equal(HttpStatusCode.BadRequest, tooMuch.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await till.PostJsonAsync($"/api/v1/orders/{Guid.NewGuid()}/refunds", refund)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task The_till_quotes_an_issued_coupon_and_a_replayed_commit_answers_200_with_the_same_body(DatabaseProvider provider)
    {
        await using var app = await ApiFactory.CreateAsync(provider);
        var seed = await ApiSeed.WriteAsync(app);
        using var admin = await app.ClientAsync(Permissions.LoyaltyManage, Permissions.LoyaltyTill);
        var template = await (await admin.PostJsonAsync("/api/v1/loyalty/coupon-templates",
            new CreateCouponTemplate("满30减5", CouponKind.Threshold, AmountOff: 500, MinSpend: 3000, ValidDays: 30))).ReadAsync<CouponTemplateCreated>();
        var issued = await admin.PostJsonAsync("/api/v1/loyalty/coupons", new IssueCoupon(template.Id, seed.Customer.Id, "welcome"));
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        var code = (await issued.ReadAsync<CouponIssued>()).Code;
        TillLine[] cart = [new(seed.Apples.Id, 2580), new(seed.Milk.Id, 1550)];

        var quote = await (await admin.PostJsonAsync("/api/v1/loyalty/till/quote", new QuoteTill(seed.Customer.Id, cart))).ReadAsync<TillQuote>();
        Assert.Equal((code, true, 500L), (quote.Coupons[0].Code, quote.Coupons[0].Applies, quote.Coupons[0].Discount));

        var commit = new CommitTill(seed.Customer.Id, "till-1", cart, [code]);
        var first = await admin.PostJsonAsync("/api/v1/loyalty/till/commit", commit);
        var replay = await admin.PostJsonAsync("/api/v1/loyalty/till/commit", commit);
        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.OK), (first.StatusCode, replay.StatusCode));
        var a = await first.ReadAsync<TillCommitted>();
        Assert.Equal((4130L, 500L, 3630L), (a.CartTotal, a.CouponDiscount, a.ToPay));
        Assert.Equal(a.CommitId, (await replay.ReadAsync<TillCommitted>()).CommitId);
        var again = await admin.PostJsonAsync("/api/v1/loyalty/till/commit", commit with { IdempotencyKey = "till-2" });
        Assert.Equal(["couponCodes"], (await again.ErrorsAsync()).Keys);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Earn_rules_and_member_days_are_set_through_the_api_and_the_member_summary_needs_a_customer(DatabaseProvider provider)
    {
        await using var app = await ApiFactory.CreateAsync(provider);
        var seed = await ApiSeed.WriteAsync(app);
        using var admin = await app.ClientAsync(Permissions.LoyaltyManage, Permissions.LoyaltyView);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/v1/loyalty/earn-rules", new SaveEarnRule("牛奶不积分", seed.Milk.Id, null, 0), ApiFactory.Json, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostJsonAsync("/api/v1/loyalty/member-days", new SaveMemberDay("周三会员日", DayOfWeek.Wednesday, null, 200))).StatusCode);
        var rules = await admin.GetFromJsonAsync<List<EarnRuleView>>("/api/v1/loyalty/earn-rules", ApiFactory.Json, Ct);
        Assert.Equal((seed.Milk.Id, 0), (Assert.Single(rules!).ProductId, rules![0].MultiplierPercent));
        Assert.Equal(DayOfWeek.Wednesday, Assert.Single((await admin.GetFromJsonAsync<List<MemberDayView>>("/api/v1/loyalty/member-days", ApiFactory.Json, Ct))!).Weekday);

        var member = await admin.GetFromJsonAsync<MemberLoyalty>($"/api/v1/loyalty/customers/{seed.Customer.Id}", ApiFactory.Json, Ct);
        Assert.Equal((0L, (TierView?)null), (member!.Points.Total, member.Tier));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/v1/loyalty/customers/{Guid.NewGuid()}", Ct)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_template_is_issued_to_a_segment_and_set_on_a_trigger_through_the_api_with_the_loyalty_permissions(DatabaseProvider provider)
    {
        await using var app = await ApiFactory.CreateAsync(provider);
        var seed = await ApiSeed.WriteAsync(app);
        var segmentId = Ids.New();
        await using (var db = app.Database.NewContext())
        {
            var now = DateTime.UtcNow;
            db.Add(new Patron.Segmentation.Segment { Id = segmentId, Name = "全部", RuleJson = "{}", CreatedAt = now, UpdatedAt = now });
            db.Add(new Patron.Segmentation.SegmentMembership { Id = Ids.New(), SegmentId = segmentId, CustomerId = seed.Customer.Id, EnteredAt = now });
            await db.SaveChangesAsync(Ct);
        }
        using var manager = await app.ClientAsync(Permissions.LoyaltyManage, Permissions.LoyaltyView);
        using var viewer = await app.ClientAsync(Permissions.LoyaltyView);
        using var clerk = await app.ClientAsync(Permissions.OrdersCreate, Permissions.CustomersEdit);
        var template = await (await manager.PostJsonAsync("/api/v1/loyalty/coupon-templates",
            new CreateCouponTemplate("会员专享", CouponKind.AmountOff, AmountOff: 800, ValidDays: 14))).ReadAsync<CouponTemplateCreated>();
        var url = $"/api/v1/loyalty/coupon-templates/{template.Id}/segment-issues";

        var first = await (await manager.PostJsonAsync(url, new LoyaltyApi.SegmentIssueRequest(segmentId, "b-1"))).ReadAsync<SegmentIssued>();
        var again = await (await manager.PostJsonAsync(url, new LoyaltyApi.SegmentIssueRequest(segmentId, "b-1"))).ReadAsync<SegmentIssued>();
        Assert.Equal((new SegmentIssued(1, 1, 0, 0, 0), new SegmentIssued(1, 0, 1, 0, 0)), (first, again));
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.PostJsonAsync(url, new LoyaltyApi.SegmentIssueRequest(segmentId, ""))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.PostJsonAsync($"/api/v1/loyalty/coupon-templates/{Guid.NewGuid()}/segment-issues",
            new LoyaltyApi.SegmentIssueRequest(segmentId, "b"))).StatusCode);

        var trigger = await manager.PutAsJsonAsync("/api/v1/loyalty/coupon-triggers", new SaveCouponTrigger(template.Id, TriggerKind.WinBack, 90), ApiFactory.Json, Ct);
        Assert.Equal(HttpStatusCode.OK, trigger.StatusCode);
        var bad = await manager.PutAsJsonAsync("/api/v1/loyalty/coupon-triggers", new SaveCouponTrigger(template.Id, TriggerKind.WinBack, 1), ApiFactory.Json, Ct);
        Assert.Contains("days", (await bad.ErrorsAsync()).Keys);
        var listed = Assert.Single((await viewer.GetFromJsonAsync<List<CouponTriggerView>>("/api/v1/loyalty/coupon-triggers", ApiFactory.Json, Ct))!);
        Assert.Equal((TriggerKind.WinBack, 90), (listed.Kind, listed.Days));

        // Viewing is not managing; orders.create and customers.edit no longer reach the till or issuing.
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostJsonAsync(url, new LoyaltyApi.SegmentIssueRequest(segmentId, "b-2"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.PostJsonAsync("/api/v1/loyalty/till/quote", new QuoteTill(seed.Customer.Id, []))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.PostJsonAsync("/api/v1/loyalty/coupons", new IssueCoupon(template.Id, seed.Customer.Id, "x"))).StatusCode);
    }

    static async Task<(long Total, long Pending)> BalanceAsync(HttpClient client, string url)
    {
        var balance = (await client.GetFromJsonAsync<PointsBalance>(url, ApiFactory.Json, Ct))!;
        return (balance.Total, balance.Pending);
    }
}
