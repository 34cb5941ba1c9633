using Microsoft.EntityFrameworkCore;
using Patron.Platform;
using Patron.Platform.Audit;

namespace Patron.Loyalty;

/// <param name="Days">Birthday: days before (0–60); WinBack: days without a purchase (7–730); otherwise ignored.</param>
/// <param name="TierId">TierUpgrade only: issue on upgrades to this tier; any upgrade when omitted.</param>
public sealed record SaveCouponTrigger(Guid TemplateId, TriggerKind Kind, int Days = 0, Guid? TierId = null, bool Active = true);

public sealed record CouponTriggerView(Guid Id, Guid TemplateId, TriggerKind Kind, int Days, Guid? TierId, bool Active, DateTime CreatedAt);

/// <summary>Sets a template's trigger of one kind (creates it the first time), audited.</summary>
public sealed class SaveCouponTriggerHandler(PatronDb db, AuditLog audit, TimeProvider clock)
{
    public async Task<WriteResult<CouponTriggerView>> HandleAsync(SaveCouponTrigger request, Actor actor, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        if (!Enum.IsDefined(request.Kind)) errors.Add("kind", $"One of {string.Join(", ", Enum.GetNames<TriggerKind>())}.");
        if (request.Kind == TriggerKind.Birthday && request.Days is < 0 or > 60) errors.Add("days", "Between 0 and 60 days before the birthday.");
        if (request.Kind == TriggerKind.WinBack && request.Days is < 7 or > 730) errors.Add("days", "Between 7 and 730 days without a purchase.");
        if (request.TierId is { } tierId && (request.Kind != TriggerKind.TierUpgrade || !await db.Set<LoyaltyTier>().AnyAsync(t => t.Id == tierId, ct)))
            errors.Add("tierId", "Only for a tier upgrade, and an existing tier.");
        if (errors.Any) return WriteResult<CouponTriggerView>.Invalid(errors);
        if (!await db.Set<CouponTemplate>().AnyAsync(t => t.Id == request.TemplateId, ct)) return WriteResult<CouponTriggerView>.Missing();

        var trigger = await db.Set<CouponTrigger>().FirstOrDefaultAsync(t => t.TemplateId == request.TemplateId && t.Kind == request.Kind, ct);
        if (trigger is null)
            db.Add(trigger = new CouponTrigger { Id = Ids.New(), TemplateId = request.TemplateId, Kind = request.Kind, CreatedAt = clock.GetUtcNow().UtcDateTime });
        trigger.Days = request.Kind is TriggerKind.Birthday or TriggerKind.WinBack ? request.Days : 0;
        trigger.TierId = request.TierId;
        trigger.Active = request.Active;
        audit.Add(actor, AuditAction.Update, "loyalty_coupon_trigger",
            detail: $"{request.Kind} for template {request.TemplateId}: days {trigger.Days}, tier {trigger.TierId}, {(trigger.Active ? "on" : "off")}");
        if (!await UniqueSave.TrySaveAsync(db, errors, async () =>
            {
                if (await db.Set<CouponTrigger>().AnyAsync(t => t.TemplateId == request.TemplateId && t.Kind == request.Kind, ct))
                    errors.Add("kind", "Saved at the same moment by someone else; try again.");
            }, ct))
            return WriteResult<CouponTriggerView>.Invalid(errors);
        return WriteResult<CouponTriggerView>.Ok(View(trigger));
    }

    public async Task<IReadOnlyList<CouponTriggerView>> ListAsync(Guid? templateId = null, CancellationToken ct = default) =>
        (await db.Set<CouponTrigger>().AsNoTracking().Where(t => templateId == null || t.TemplateId == templateId)
            .OrderBy(t => t.TemplateId).ThenBy(t => t.Kind).ToListAsync(ct)).Select(View).ToList();

    static CouponTriggerView View(CouponTrigger t) => new(t.Id, t.TemplateId, t.Kind, t.Days, t.TierId, t.Active, t.CreatedAt);
}
