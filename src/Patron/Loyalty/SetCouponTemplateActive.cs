using Microsoft.EntityFrameworkCore;
using Patron.Platform;
using Patron.Platform.Audit;

namespace Patron.Loyalty;

/// <summary>
/// Stops (or resumes) issuing a template, audited. Coupons already issued stay valid: the customer holds them. A
/// stopped template is skipped by every way of issuing, triggers included.
/// </summary>
public sealed class SetCouponTemplateActiveHandler(PatronDb db, AuditLog audit)
{
    public async Task<bool> HandleAsync(Guid templateId, bool active, Actor actor, CancellationToken ct = default)
    {
        var template = await db.Set<CouponTemplate>().FirstOrDefaultAsync(t => t.Id == templateId, ct);
        if (template is null) return false;
        if (template.Active == active) return true;
        template.Active = active;
        audit.Add(actor, AuditAction.Update, "loyalty_coupon_template", detail: $"{template.Name} ({template.Id}) {(active ? "resumed" : "stopped")}");
        await db.SaveChangesAsync(ct);
        return true;
    }
}
