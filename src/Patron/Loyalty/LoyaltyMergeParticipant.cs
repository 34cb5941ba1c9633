using Microsoft.EntityFrameworkCore;
using Patron.Customers.Contracts;
using Patron.Platform;

namespace Patron.Loyalty;

/// <summary>
/// The absorbed customer's points account, tier, ledger, coupons and till history move to the survivor. When both hold
/// a points account or a tier the merge is refused: adding two ledgers together would change balances, expiry order and
/// tier history in ways an unmerge could not take back cleanly, so a person settles the points first.
/// </summary>
sealed class LoyaltyMergeParticipant(PatronDb db, MergeRows rows) : ICustomerMergeParticipant
{
    const string Key = nameof(PointsAccount.CustomerId);

    public async Task<string?> CheckAsync(Guid absorbed, Guid survivor, CancellationToken ct)
    {
        if (await rows.HasAsync<PointsAccount>(absorbed, ct) && await rows.HasAsync<PointsAccount>(survivor, ct))
            return "Both customers hold a points account; settle one of them before merging.";
        if (await rows.HasAsync<MemberTier>(absorbed, ct) && await rows.HasAsync<MemberTier>(survivor, ct))
            return "Both customers hold a loyalty tier; settle one of them before merging.";
        var keys = db.Set<Coupon>().Where(c => c.CustomerId == survivor).Select(c => c.IssueKey);
        if (await db.Set<Coupon>().AnyAsync(c => c.CustomerId == absorbed && keys.Contains(c.IssueKey), ct))
            return "Both customers were issued the same coupon; one of them must give it up before merging.";
        // (template, customer, seq) is unique: it is what keeps the per-customer issue limit safe under concurrency.
        var held = db.Set<Coupon>().Where(c => c.CustomerId == survivor).Select(c => new { c.TemplateId, c.Seq });
        if (await db.Set<Coupon>().AnyAsync(c => c.CustomerId == absorbed && c.Seq != null && held.Any(h => h.TemplateId == c.TemplateId && h.Seq == c.Seq), ct))
            return "Both customers hold coupons of the same template; one of them must give theirs up before merging.";
        return null;
    }

    public async Task MoveAsync(Guid absorbed, Guid survivor, Guid mergeId, CancellationToken ct)
    {
        await rows.MoveAsync<PointsAccount>(absorbed, survivor, mergeId, Key, ct);
        await rows.MoveAsync<MemberTier>(absorbed, survivor, mergeId, Key, ct);
        await rows.MoveAsync<PointsLot>(absorbed, survivor, mergeId, ct: ct);
        await rows.MoveAsync<PointsEntry>(absorbed, survivor, mergeId, ct: ct);
        await rows.MoveAsync<PointsConsumption>(absorbed, survivor, mergeId, ct: ct);
        await rows.MoveAsync<Coupon>(absorbed, survivor, mergeId, ct: ct);
        await rows.MoveAsync<TierChange>(absorbed, survivor, mergeId, ct: ct);
        await rows.MoveAsync<TillCommit>(absorbed, survivor, mergeId, ct: ct);
        await rows.MoveAsync<OrderEarning>(absorbed, survivor, mergeId, nameof(OrderEarning.OrderId), ct);
        await rows.MoveAsync<ExpiryReminder>(absorbed, survivor, mergeId, ct: ct);
    }

    public async Task RestoreAsync(Guid absorbed, Guid survivor, Guid mergeId, CancellationToken ct)
    {
        await rows.RestoreAsync<PointsAccount>(absorbed, survivor, mergeId, Key, ct);
        await rows.RestoreAsync<MemberTier>(absorbed, survivor, mergeId, Key, ct);
        await rows.RestoreAsync<PointsLot>(absorbed, survivor, mergeId, ct: ct);
        await rows.RestoreAsync<PointsEntry>(absorbed, survivor, mergeId, ct: ct);
        await rows.RestoreAsync<PointsConsumption>(absorbed, survivor, mergeId, ct: ct);
        await rows.RestoreAsync<Coupon>(absorbed, survivor, mergeId, ct: ct);
        await rows.RestoreAsync<TierChange>(absorbed, survivor, mergeId, ct: ct);
        await rows.RestoreAsync<TillCommit>(absorbed, survivor, mergeId, ct: ct);
        await rows.RestoreAsync<OrderEarning>(absorbed, survivor, mergeId, nameof(OrderEarning.OrderId), ct);
        await rows.RestoreAsync<ExpiryReminder>(absorbed, survivor, mergeId, ct: ct);
    }
}
