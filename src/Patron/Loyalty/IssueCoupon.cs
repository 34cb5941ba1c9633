using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Patron.Customers.Contracts;
using Patron.Platform;

namespace Patron.Loyalty;

/// <param name="IssueKey">Makes a retry safe: the same customer and key give the same coupon (e.g. "birthday:2026").</param>
public sealed record IssueCoupon(Guid TemplateId, Guid CustomerId, string? IssueKey);

public sealed record CouponIssued(Guid Id, string Code, DateTime? ValidFrom, DateTime? ValidTo, bool Replayed);

/// <summary>
/// Gives one customer a coupon with a fresh unique code. The template's total limit is taken by a conditional UPDATE
/// (issued_count + 1 only while below the limit) in the coupon's transaction, so it holds under concurrency.
/// </summary>
public sealed class IssueCouponHandler(PatronDb db, CustomerDirectory customers, TimeProvider clock)
{
    // No 0/O, 1/I/L: codes are read out at the till.
    const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    public async Task<WriteResult<CouponIssued>> HandleAsync(IssueCoupon request, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        var key = LedgerRequests.Key(request.IssueKey, errors);
        if (errors.Any) return WriteResult<CouponIssued>.Invalid(errors);
        var template = await db.Set<CouponTemplate>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == request.TemplateId, ct);
        if (template is null || !await customers.ExistsAsync(request.CustomerId, ct)) return WriteResult<CouponIssued>.Missing();
        if (await FindAsync(request.CustomerId, key!, ct) is { } original) return WriteResult<CouponIssued>.Ok(original);

        var now = clock.GetUtcNow().UtcDateTime;
        if (!template.Active || template.ValidTo <= now) errors.Add("templateId", "The template is no longer issued.");
        if (template.PerCustomerLimit is { } perCustomer &&
            await db.Set<Coupon>().CountAsync(c => c.CustomerId == request.CustomerId && c.TemplateId == template.Id, ct) >= perCustomer)
            errors.Add("customerId", $"The customer already holds the most coupons of this template ({perCustomer}).");
        if (errors.Any) return WriteResult<CouponIssued>.Invalid(errors);

        var coupon = new Coupon
        {
            Id = Ids.New(), TemplateId = template.Id, CustomerId = request.CustomerId, Status = CouponStatus.Issued, IssuedAt = now,
            ValidFrom = template.ValidFrom ?? now, ValidTo = template.ValidTo ?? now.AddDays(template.ValidDays!.Value), IssueKey = key!,
        };
        for (var attempt = 1; ; attempt++)
        {
            coupon.Code = RandomNumberGenerator.GetString(Alphabet, 12);
            try
            {
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                var taken = await db.Set<CouponTemplate>()
                    .Where(t => t.Id == template.Id && (t.TotalLimit == null || t.IssuedCount < t.TotalLimit))
                    .ExecuteUpdateAsync(s => s.SetProperty(t => t.IssuedCount, t => t.IssuedCount + 1), ct);
                if (taken == 0)
                {
                    errors.Add("templateId", $"All {template.TotalLimit} coupons of this template have been issued.");
                    return WriteResult<CouponIssued>.Invalid(errors);
                }
                db.Add(coupon);
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                return WriteResult<CouponIssued>.Ok(View(coupon, replayed: false));
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // A replay racing us, or (rarely) a code clash: the replay wins; a clash gets a new code.
                db.ChangeTracker.Clear();
                if (await FindAsync(request.CustomerId, key!, ct) is { } winner) return WriteResult<CouponIssued>.Ok(winner);
            }
        }
    }

    async Task<CouponIssued?> FindAsync(Guid customerId, string key, CancellationToken ct) =>
        await db.Set<Coupon>().AsNoTracking().FirstOrDefaultAsync(c => c.CustomerId == customerId && c.IssueKey == key, ct) is { } c
            ? View(c, replayed: true) : null;

    static CouponIssued View(Coupon c, bool replayed) => new(c.Id, c.Code, c.ValidFrom, c.ValidTo, replayed);
}
