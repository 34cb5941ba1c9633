using Microsoft.EntityFrameworkCore;
using Patron.Commerce.Contracts;
using Patron.Customers.Contracts;
using Patron.Platform;

namespace Patron.Loyalty;

/// <param name="Value">What the outstanding points are worth at the till, in fen: the programme's liability.</param>
public sealed record PointsLiability(DateTime AsOf, long Members, long Available, long Pending, long Value, long Expiring30Days, long Expiring90Days);

/// <param name="SalesWithCoupons">What the orders that used a coupon of the template paid, in fen (each order once; orders the
/// till named but that have not arrived yet are not counted).</param>
public sealed record CouponPerformance(Guid TemplateId, string Name, int Issued, int Redeemed, double RedemptionRate, long SalesWithCoupons);

/// <summary>The finance view: points not yet spent or expired and what they are worth; and how each coupon template performs.</summary>
public sealed class LoyaltyReportsHandler(PatronDb db, OrderPayments payments, TimeProvider clock)
{
    public async Task<PointsLiability> LiabilityAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var settings = await LoyaltySettings.LoadAsync(db, ct);
        var open = db.Set<PointsLot>().Where(l => l.Remaining > 0 && (l.ExpiresAt == null || l.ExpiresAt > now));
        var available = await open.Where(l => l.AvailableFrom <= now).SumAsync(l => (long?)l.Remaining, ct) ?? 0;
        var pending = await open.Where(l => l.AvailableFrom > now).SumAsync(l => (long?)l.Remaining, ct) ?? 0;
        var in30 = now.AddDays(30);
        var in90 = now.AddDays(90);
        var expiring30 = await open.Where(l => l.ExpiresAt <= in30).SumAsync(l => (long?)l.Remaining, ct) ?? 0;
        var expiring90 = await open.Where(l => l.ExpiresAt <= in90).SumAsync(l => (long?)l.Remaining, ct) ?? 0;
        var members = await open.Select(l => l.CustomerId).Distinct().LongCountAsync(ct);
        return new PointsLiability(now, members, available, pending, (available + pending) * settings.PointValueFen, expiring30, expiring90);
    }

    public async Task<IReadOnlyList<CouponPerformance>> CouponsAsync(CancellationToken ct = default)
    {
        var rows = await db.Set<CouponTemplate>().AsNoTracking().OrderBy(t => t.CreatedAt)
            .Select(t => new
            {
                t.Id, t.Name,
                Issued = db.Set<Coupon>().Count(c => c.TemplateId == t.Id),
                Redeemed = db.Set<Coupon>().Count(c => c.TemplateId == t.Id && c.Status == CouponStatus.Redeemed),
            }).ToListAsync(ct);
        var sales = await SalesAsync(ct);
        return rows.Select(r => new CouponPerformance(r.Id, r.Name, r.Issued, r.Redeemed, r.Issued == 0 ? 0 : (double)r.Redeemed / r.Issued,
            sales.GetValueOrDefault(r.Id))).ToList();
    }

    /// <summary>Per template, the paid amounts of the distinct orders whose till commit used one of its coupons.</summary>
    async Task<Dictionary<Guid, long>> SalesAsync(CancellationToken ct)
    {
        var used = await (from c in db.Set<Coupon>().AsNoTracking()
                          join t in db.Set<TillCommit>().AsNoTracking() on c.CommitId equals t.Id
                          where c.Status == CouponStatus.Redeemed && t.OrderRef != null
                          select new { c.TemplateId, OrderRef = t.OrderRef! }).Distinct().ToListAsync(ct);
        var refs = used.Select(u => TillOrders.Parse(u.OrderRef)).OfType<(SalesChannel, string)>().Distinct().ToList();
        var paid = await payments.PaidAsync(refs, ct);
        return used.GroupBy(u => u.TemplateId).ToDictionary(g => g.Key,
            g => g.Select(u => TillOrders.Parse(u.OrderRef)).OfType<(SalesChannel, string)>().Distinct().Sum(r => paid.GetValueOrDefault(r)));
    }
}
