using Microsoft.EntityFrameworkCore;
using Patron.Customers.Contracts;
using Patron.Platform;

namespace Patron.Loyalty;

/// <param name="IssueKey">Makes a retry safe: the same customer and key give the same coupon (e.g. "birthday:2026").</param>
public sealed record IssueCoupon(Guid TemplateId, Guid CustomerId, string? IssueKey);

public sealed record CouponIssued(Guid Id, string Code, DateTime? ValidFrom, DateTime? ValidTo, bool Replayed);

/// <summary>
/// Gives one customer a coupon with a fresh unique code; both limits hold under concurrency (see <see cref="CouponIssuer"/>).
/// </summary>
public sealed class IssueCouponHandler(PatronDb db, CustomerDirectory customers, TimeProvider clock)
{
    public async Task<WriteResult<CouponIssued>> HandleAsync(IssueCoupon request, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        var key = LedgerRequests.Key(request.IssueKey, errors);
        if (errors.Any) return WriteResult<CouponIssued>.Invalid(errors);
        var template = await db.Set<CouponTemplate>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == request.TemplateId, ct);
        if (template is null || !await customers.ExistsAsync(request.CustomerId, ct)) return WriteResult<CouponIssued>.Missing();
        if (await CouponIssuer.FindAsync(db, request.CustomerId, key!, ct) is { } original) return WriteResult<CouponIssued>.Ok(View(original, replayed: true));

        var now = clock.GetUtcNow().UtcDateTime;
        if (!CouponIssuer.Issuable(template, now))
        {
            errors.Add("templateId", "The template is no longer issued.");
            return WriteResult<CouponIssued>.Invalid(errors);
        }
        var issued = await CouponIssuer.IssueAsync(db, template, request.CustomerId, key!, now, ct);
        switch (issued.Outcome)
        {
            case IssueOutcome.CustomerLimit:
                errors.Add("customerId", $"The customer already holds the most coupons of this template ({template.PerCustomerLimit}).");
                return WriteResult<CouponIssued>.Invalid(errors);
            case IssueOutcome.TotalLimit:
                errors.Add("templateId", $"All {template.TotalLimit} coupons of this template have been issued.");
                return WriteResult<CouponIssued>.Invalid(errors);
            default:
                return WriteResult<CouponIssued>.Ok(View(issued.Coupon!, issued.Outcome == IssueOutcome.Replayed));
        }
    }

    static CouponIssued View(Coupon c, bool replayed) => new(c.Id, c.Code, c.ValidFrom, c.ValidTo, replayed);
}
