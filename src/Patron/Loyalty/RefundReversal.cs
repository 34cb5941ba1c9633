using Microsoft.EntityFrameworkCore;
using Patron.Commerce.Contracts;
using Patron.Engine.Loyalty;
using Patron.Platform;
using Patron.Platform.Audit;

namespace Patron.Loyalty;

/// <summary>
/// A refund takes back the points earned on the refunded share of the order and gives back the points redeemed on
/// it: both ⌊points × refunded / paid⌋, computed on the order's cumulative refunded amount so that partial refunds
/// add up exactly and a repeated or late notice changes nothing. A full refund also restores the sale's coupons.
/// Earned points are taken from the order's own lot first, then oldest first; the balance never goes negative, so
/// points already spent elsewhere are forgiven (the entry's reason says so). Redeemed points go back to the lots
/// they came from, with their expiry; what came from a lot that has expired since is not given back.
/// </summary>
sealed class RefundReversal(PatronDb db, TimeProvider clock)
{
    public async Task ApplyAsync(Guid customerId, OrderRefundNotice refund, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var orderRef = TillOrders.Ref(refund.Source, refund.ExternalId);
        await AccountWrites.RetryAsync(db, async () =>
        {
            var account = await AccountWrites.LoadAsync(db, customerId, now, ct);
            var changed = false;
            if (await db.Set<OrderEarning>().FirstOrDefaultAsync(e => e.OrderId == refund.OrderId, ct) is { } earning
                && refund.TotalRefunded > earning.RefundedAmount)
            {
                earning.RefundedAmount = refund.TotalRefunded;
                await ReverseEarnedAsync(earning, account, refund, now, ct);
                changed = true;
            }
            if (await db.Set<TillCommit>().FirstOrDefaultAsync(c => c.CustomerId == customerId && c.OrderRef == orderRef, ct) is { } commit)
                changed |= await RestoreRedeemedAsync(commit, account, refund, now, ct);
            if (changed)
            {
                // Even a change without an entry (a forgiven reversal, restored coupons) goes through the account's version.
                account.Version++;
                await db.SaveChangesAsync(ct);
            }
            else db.ChangeTracker.Clear();
            return changed;
        }, ct);
        db.ChangeTracker.Clear();
    }

    async Task ReverseEarnedAsync(OrderEarning earning, PointsAccount account, OrderRefundNotice refund, DateTime now, CancellationToken ct)
    {
        var due = Earning.Share(earning.PointsEarned, refund.TotalRefunded, refund.PaidAmount) - earning.PointsReversed;
        if (due <= 0) return;
        earning.PointsReversed += due;
        var lots = await Lots.UsableAsync(db, earning.CustomerId, now, includePending: true, ct);
        // The order's own lot first: those are the very points being taken back.
        var ordered = lots.Where(l => l.EntryId == earning.EntryId).Concat(lots.Where(l => l.EntryId != earning.EntryId)).ToList();
        var take = Math.Min(due, ordered.Sum(l => l.Remaining));
        if (take == 0) return;
        var reason = take < due ? $"Refund {refund.RefundId}: {due - take} points already spent were forgiven" : $"Refund {refund.RefundId}";
        var entry = PointsEntry.New(earning.CustomerId, PointsEntryKind.Reverse, -take, reason, $"refund:{refund.RefundId}:earned", now, Actor.System);
        db.Add(entry);
        Lots.Consume(db, ordered, entry, take);
        AccountWrites.Apply(account, entry);
    }

    async Task<bool> RestoreRedeemedAsync(TillCommit commit, PointsAccount account, OrderRefundNotice refund, DateTime now, CancellationToken ct)
    {
        var changed = false;
        var due = Earning.Share(commit.PointsRedeemed, refund.TotalRefunded, refund.PaidAmount) - commit.PointsRefunded;
        if (due > 0 && commit.PointsEntryId is { } redeemEntry)
        {
            var skip = commit.PointsRefunded;
            commit.PointsRefunded += due;
            changed = true;
            var taken = await (from c in db.Set<PointsConsumption>()
                               join l in db.Set<PointsLot>() on c.LotId equals l.Id
                               where c.CustomerId == commit.CustomerId && c.EntryId == redeemEntry
                               orderby l.ExpiresAt == null, l.ExpiresAt, l.EarnedAt, l.Id
                               select new { Consumption = c, Lot = l }).ToListAsync(ct);
            var entry = PointsEntry.New(commit.CustomerId, PointsEntryKind.Reverse, 0, $"Refund {refund.RefundId}: redeemed points returned",
                $"refund:{refund.RefundId}:redeemed", now, Actor.System);
            foreach (var t in taken)
            {
                // Walk the redemption in the order it spent, past what earlier refunds already dealt with.
                var piece = Math.Min(t.Consumption.Points - Math.Min(skip, t.Consumption.Points), due);
                skip = Math.Max(0, skip - t.Consumption.Points);
                if (piece <= 0) continue;
                due -= piece;
                if (t.Lot.ExpiresAt is { } expiry && expiry <= now) continue;
                t.Lot.Remaining += piece;
                entry.Points += piece;
                db.Add(new PointsConsumption { Id = Ids.New(), CustomerId = commit.CustomerId, EntryId = entry.Id, LotId = t.Lot.Id, Points = -piece });
                if (due == 0) break;
            }
            if (entry.Points > 0)
            {
                db.Add(entry);
                AccountWrites.Apply(account, entry);
            }
        }
        if (refund.TotalRefunded >= refund.PaidAmount && !commit.CouponsRestored)
        {
            commit.CouponsRestored = true;
            changed = true;
            foreach (var coupon in await db.Set<Coupon>().Where(c => c.CustomerId == commit.CustomerId && c.CommitId == commit.Id).ToListAsync(ct))
            {
                coupon.Status = CouponStatus.Issued;
                coupon.CommitId = null;
                coupon.RedeemedAt = null;
            }
        }
        return changed;
    }
}
