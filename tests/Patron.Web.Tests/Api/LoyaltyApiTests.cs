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
        using var till = await app.ClientAsync(Permissions.OrdersCreate, Permissions.CustomersView);

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
        using var admin = await app.ClientAsync(Permissions.CatalogEdit, Permissions.CustomersEdit, Permissions.OrdersCreate);
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
        using var admin = await app.ClientAsync(Permissions.CatalogEdit, Permissions.CatalogView, Permissions.CustomersView);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/v1/loyalty/earn-rules", new SaveEarnRule("牛奶不积分", seed.Milk.Id, null, 0), ApiFactory.Json, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostJsonAsync("/api/v1/loyalty/member-days", new SaveMemberDay("周三会员日", DayOfWeek.Wednesday, null, 200))).StatusCode);
        var rules = await admin.GetFromJsonAsync<List<EarnRuleView>>("/api/v1/loyalty/earn-rules", ApiFactory.Json, Ct);
        Assert.Equal((seed.Milk.Id, 0), (Assert.Single(rules!).ProductId, rules![0].MultiplierPercent));
        Assert.Equal(DayOfWeek.Wednesday, Assert.Single((await admin.GetFromJsonAsync<List<MemberDayView>>("/api/v1/loyalty/member-days", ApiFactory.Json, Ct))!).Weekday);

        var member = await admin.GetFromJsonAsync<MemberLoyalty>($"/api/v1/loyalty/customers/{seed.Customer.Id}", ApiFactory.Json, Ct);
        Assert.Equal((0L, (TierView?)null), (member!.Points.Total, member.Tier));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/v1/loyalty/customers/{Guid.NewGuid()}", Ct)).StatusCode);
    }

    static async Task<(long Total, long Pending)> BalanceAsync(HttpClient client, string url)
    {
        var balance = (await client.GetFromJsonAsync<PointsBalance>(url, ApiFactory.Json, Ct))!;
        return (balance.Total, balance.Pending);
    }
}
