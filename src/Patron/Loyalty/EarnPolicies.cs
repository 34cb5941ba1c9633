using Microsoft.EntityFrameworkCore;
using Patron.Engine.Loyalty;
using Patron.Platform;

namespace Patron.Loyalty;

/// <summary>Reads the programme's rules into the engine's <see cref="EarnPolicy"/> for one customer on one date.</summary>
static class EarnPolicies
{
    public static async Task<EarnPolicy> ForAsync(PatronDb db, LoyaltySettings settings, Guid customerId, DateTime placedAt, CancellationToken ct)
    {
        var rules = await db.Set<EarnRule>().AsNoTracking().ToListAsync(ct);
        var days = await db.Set<MemberDay>().AsNoTracking().Where(d => d.Active)
            .Select(d => new MemberDayRule(d.Weekday, d.DayOfMonth, d.MultiplierPercent)).ToListAsync(ct);
        var tierPercent = await (from m in db.Set<MemberTier>()
                                 join t in db.Set<LoyaltyTier>() on m.TierId equals t.Id
                                 where m.CustomerId == customerId
                                 select (int?)t.PointsMultiplierPercent).FirstOrDefaultAsync(ct) ?? 100;
        return new EarnPolicy(
            settings.FenPerPoint,
            rules.Where(r => r.ProductId is not null).ToDictionary(r => r.ProductId!.Value, r => r.MultiplierPercent),
            rules.Where(r => r.CategoryId is not null).ToDictionary(r => r.CategoryId!.Value, r => r.MultiplierPercent),
            tierPercent,
            MemberDays.PercentOn(settings.LocalDate(placedAt), days),
            settings.MaxPointsPerOrder);
    }
}
