using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Patron.Commerce.Contracts;
using Patron.Customers.Contracts;
using Patron.Engine.Loyalty;
using Patron.Platform;
using Patron.Platform.Audit;

namespace Patron.Loyalty;

/// <param name="IdempotencyKey">The till's transaction id: a replay with it changes nothing and returns the first answer.</param>
/// <param name="OrderExternalId">The order this sale will be recorded as (with <paramref name="OrderSource"/>), so a refund of it can give back the points and coupons.</param>
public sealed record CommitTill(Guid CustomerId, string? IdempotencyKey, IReadOnlyList<TillLine>? Lines, IReadOnlyList<string>? CouponCodes = null,
    long Points = 0, SalesChannel OrderSource = SalesChannel.Pos, string? OrderExternalId = null);

public sealed record AppliedCoupon(string Code, long Discount, Guid? GiftProductId);

public sealed record TillCommitted(Guid CommitId, Guid CustomerId, long CartTotal, long TierDiscount, long CouponDiscount,
    IReadOnlyList<AppliedCoupon> Coupons, long PointsRedeemed, long PointsValue, long TotalDiscount, long ToPay, bool Replayed);

/// <summary>
/// Uses coupons and points on one sale, all or nothing, in one transaction: the commit row (its unique key stops a
/// concurrent replay), each coupon by a conditional UPDATE … WHERE status = 'Issued' (zero rows: another till won, so
/// everything is rolled back), then the points under the account's version. The answer is stored with the commit.
/// </summary>
public sealed class CommitTillHandler(PatronDb db, CustomerDirectory customers, StoreDirectory catalogue, TimeProvider clock)
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<WriteResult<TillCommitted>> HandleAsync(CommitTill request, Actor actor, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        var key = LedgerRequests.Key(request.IdempotencyKey, errors);
        if (request.Points < 0) errors.Add("points", "Must not be negative.");
        var codes = (request.CouponCodes ?? []).Select(c => c.Trim().ToUpperInvariant()).Distinct().ToList();
        var orderRef = string.IsNullOrWhiteSpace(request.OrderExternalId) ? null : TillOrders.Ref(request.OrderSource, request.OrderExternalId.Trim());
        if (orderRef?.Length > 100) errors.Add("orderExternalId", "Too long.");
        if (errors.Any) return WriteResult<TillCommitted>.Invalid(errors);
        if (!await customers.ExistsAsync(request.CustomerId, ct)) return WriteResult<TillCommitted>.Missing();
        if (await ReplayAsync(request.CustomerId, key!, ct) is { } replay) return WriteResult<TillCommitted>.Ok(replay);

        var cart = await TillCart.LoadAsync(db, catalogue, request.CustomerId, request.Lines, errors, ct);
        if (cart is null) return WriteResult<TillCommitted>.Invalid(errors);
        var now = clock.GetUtcNow().UtcDateTime;
        var coupons = await TillCart.UsableCouponsAsync(db, request.CustomerId, now, codes, ct);
        foreach (var missing in codes.Except(coupons.Select(c => c.Coupon.Code)))
            errors.Add("couponCodes", $"{missing} is not a usable coupon of this customer.");
        var couponDiscount = CouponPricing.Combined(coupons.Select(c => c.Template.Terms(c.Coupon.Id)).ToList(), cart.Lines, out var offers);
        if (couponDiscount is null && !errors.Any)
            foreach (var o in offers) errors.Add("couponCodes", o.Reason ?? "These coupons cannot be used together: a coupon that does not stack must be used alone.");
        if (errors.Any) return WriteResult<TillCommitted>.Invalid(errors);
        var pointsValue = request.Points * cart.Settings.PointValueFen;
        var toPay = cart.Total - cart.TierDiscount - couponDiscount!.Value - pointsValue;
        if (toPay < 0)
        {
            errors.Add("points", $"The points are worth {pointsValue} fen, more than the {cart.Total - cart.TierDiscount - couponDiscount.Value} left to pay.");
            return WriteResult<TillCommitted>.Invalid(errors);
        }

        var commitId = Ids.New();
        var answer = new TillCommitted(commitId, request.CustomerId, cart.Total, cart.TierDiscount, couponDiscount.Value,
            coupons.Zip(offers, (c, o) => new AppliedCoupon(c.Coupon.Code, o.Discount, c.Template.GiftProductId)).ToList(),
            request.Points, pointsValue, cart.Total - toPay, toPay, Replayed: false);
        var commit = new TillCommit
        {
            Id = commitId, CustomerId = request.CustomerId, IdempotencyKey = key!, OrderRef = orderRef, PointsRedeemed = request.Points,
            Response = JsonSerializer.Serialize(answer, Json), CreatedAt = now,
        };
        return await AccountWrites.RetryAsync(db, async () =>
        {
            if (await ReplayAsync(request.CustomerId, key!, ct) is { } raced) return WriteResult<TillCommitted>.Ok(raced);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            db.Add(commit);
            await db.SaveChangesAsync(ct);
            foreach (var (coupon, _) in coupons)
            {
                var won = await db.Set<Coupon>().Where(c => c.Id == coupon.Id && c.Status == CouponStatus.Issued)
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, CouponStatus.Redeemed).SetProperty(c => c.CommitId, commitId)
                        .SetProperty(c => c.RedeemedAt, now), ct);
                if (won == 0) return Refused("couponCodes", $"{coupon.Code} was used by another sale a moment ago.");
            }
            if (request.Points > 0)
            {
                var account = await AccountWrites.LoadAsync(db, request.CustomerId, now, ct);
                var lots = await Lots.UsableAsync(db, request.CustomerId, now, includePending: false, ct);
                var available = lots.Sum(l => l.Remaining);
                if (available < request.Points) return Refused("points", $"Only {available} points are available; {request.Points} were asked for.");
                var entry = PointsEntry.New(request.CustomerId, PointsEntryKind.Redeem, -request.Points, $"Till {key}", $"till:{key}", now, actor);
                db.Add(entry);
                Lots.Consume(db, lots, entry, request.Points);
                AccountWrites.Apply(account, entry);
                commit.PointsEntryId = entry.Id;
                await db.SaveChangesAsync(ct);
            }
            await tx.CommitAsync(ct);
            db.ChangeTracker.Clear();
            return WriteResult<TillCommitted>.Ok(answer);
        }, ct);
    }

    WriteResult<TillCommitted> Refused(string field, string message)
    {
        // Leaving without CommitAsync rolls the transaction back: the commit row and any coupon already taken go with it.
        db.ChangeTracker.Clear();
        var errors = new ValidationErrors();
        errors.Add(field, message);
        return WriteResult<TillCommitted>.Invalid(errors);
    }

    async Task<TillCommitted?> ReplayAsync(Guid customerId, string key, CancellationToken ct) =>
        await db.Set<TillCommit>().AsNoTracking().Where(c => c.CustomerId == customerId && c.IdempotencyKey == key)
            .Select(c => c.Response).FirstOrDefaultAsync(ct) is { } json
            ? JsonSerializer.Deserialize<TillCommitted>(json, Json)! with { Replayed = true }
            : null;
}
