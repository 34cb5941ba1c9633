using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Patron.Platform;

namespace Patron.Loyalty;

public enum IssueOutcome { Issued, Replayed, CustomerLimit, TotalLimit }

sealed record IssueAttempt(IssueOutcome Outcome, Coupon? Coupon);

/// <summary>
/// Issues one coupon of a template to one customer, for every way of issuing (one customer, a segment, a trigger).
/// Both limits hold under concurrency: the total by a conditional UPDATE of the template's count in the coupon's
/// transaction, the per-customer one by the unique (template, customer, seq) index; a loser of either race tries
/// again on fresh data and then sees the limit (or, for the same issue key, the winner's coupon).
/// </summary>
static class CouponIssuer
{
    // No 0/O, 1/I/L: codes are read out at the till.
    const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    const int MaxAttempts = 20;

    public static async Task<IssueAttempt> IssueAsync(PatronDb db, CouponTemplate template, Guid customerId, string key, DateTime now,
        CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (await FindAsync(db, customerId, key, ct) is { } original) return new(IssueOutcome.Replayed, original);
            int? seq = null;
            if (template.PerCustomerLimit is { } limit)
            {
                var held = await db.Set<Coupon>().CountAsync(c => c.CustomerId == customerId && c.TemplateId == template.Id, ct);
                if (held >= limit) return new(IssueOutcome.CustomerLimit, null);
                seq = held + 1;
            }
            var coupon = new Coupon
            {
                Id = Ids.New(), TemplateId = template.Id, CustomerId = customerId, Status = CouponStatus.Issued, IssuedAt = now,
                ValidFrom = template.ValidFrom ?? now, ValidTo = template.ValidTo ?? now.AddDays(template.ValidDays!.Value), IssueKey = key,
                Seq = seq, Code = RandomNumberGenerator.GetString(Alphabet, 12),
            };
            try
            {
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                var taken = await db.Set<CouponTemplate>()
                    .Where(t => t.Id == template.Id && (t.TotalLimit == null || t.IssuedCount < t.TotalLimit))
                    .ExecuteUpdateAsync(s => s.SetProperty(t => t.IssuedCount, t => t.IssuedCount + 1), ct);
                if (taken == 0) return new(IssueOutcome.TotalLimit, null);
                db.Add(coupon);
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                db.ChangeTracker.Clear();
                return new(IssueOutcome.Issued, coupon);
            }
            catch (DbUpdateException) when (attempt < MaxAttempts)
            {
                // A replay racing us, a concurrent issue taking the same seq, or (rarely) a code clash: look again.
                db.ChangeTracker.Clear();
                await Task.Delay(Random.Shared.Next(0, Math.Min(2 * attempt, 20)), ct);
            }
        }
    }

    public static Task<Coupon?> FindAsync(PatronDb db, Guid customerId, string key, CancellationToken ct) =>
        db.Set<Coupon>().AsNoTracking().FirstOrDefaultAsync(c => c.CustomerId == customerId && c.IssueKey == key, ct);

    /// <summary>Whether the template can be issued at all now.</summary>
    public static bool Issuable(CouponTemplate template, DateTime now) => template.Active && !(template.ValidTo <= now);
}
