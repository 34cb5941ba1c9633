using Patron.Engine.Loyalty;
using Patron.Platform;
using Patron.Platform.Audit;

namespace Patron.Loyalty;

/// <summary>A coupon template; see <see cref="CouponTemplate"/> for the fields. Validity is a window or days after issue.</summary>
public sealed record CreateCouponTemplate(
    string? Name, CouponKind Kind, long AmountOff = 0, int PercentOff = 0, long? MaxDiscount = null, long MinSpend = 0,
    Guid? ProductId = null, Guid? CategoryId = null, Guid? GiftProductId = null, bool Stackable = false,
    DateTime? ValidFrom = null, DateTime? ValidTo = null, int? ValidDays = null, int? TotalLimit = null, int? PerCustomerLimit = null);

public sealed record CouponTemplateCreated(Guid Id, string Name);

public sealed class CreateCouponTemplateHandler(PatronDb db, AuditLog audit, TimeProvider clock)
{
    public async Task<WriteResult<CouponTemplateCreated>> HandleAsync(CreateCouponTemplate r, Actor actor, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        var name = r.Name?.Trim() ?? "";
        if (name.Length is 0 or > 100) errors.Add("name", "Required, at most 100 characters.");
        if (!Enum.IsDefined(r.Kind)) errors.Add("kind", $"One of {string.Join(", ", Enum.GetNames<CouponKind>())}.");
        if (r.Kind is CouponKind.AmountOff or CouponKind.Threshold && r.AmountOff <= 0) errors.Add("amountOff", "Must be positive.");
        if (r.Kind == CouponKind.Threshold && r.MinSpend <= r.AmountOff) errors.Add("minSpend", "A threshold coupon (满X减Y) needs X above Y.");
        if (r.Kind == CouponKind.PercentOff && r.PercentOff is <= 0 or >= 100) errors.Add("percentOff", "Between 1 and 99.");
        if (r.Kind == CouponKind.FreeGift && r.GiftProductId is null) errors.Add("giftProductId", "Required for a free gift.");
        if (r.MaxDiscount is <= 0) errors.Add("maxDiscount", "Must be positive.");
        if (r.MinSpend < 0) errors.Add("minSpend", "Must not be negative.");
        if (r.ProductId is not null && r.CategoryId is not null) errors.Add("categoryId", "Restrict to a product or a category, not both.");
        var from = UtcTime.Normalise(r.ValidFrom, "validFrom", errors);
        var to = UtcTime.Normalise(r.ValidTo, "validTo", errors);
        if ((to is null) == (r.ValidDays is null)) errors.Add("validTo", "Give either a window end (validTo) or validDays after issue.");
        if (from is not null && to is not null && to <= from) errors.Add("validTo", "Must be after validFrom.");
        if (r.ValidDays is <= 0) errors.Add("validDays", "Must be positive.");
        if (r.TotalLimit is <= 0) errors.Add("totalLimit", "Must be positive.");
        if (r.PerCustomerLimit is <= 0) errors.Add("perCustomerLimit", "Must be positive.");
        if (errors.Any) return WriteResult<CouponTemplateCreated>.Invalid(errors);

        var template = new CouponTemplate
        {
            Id = Ids.New(), Name = name, Kind = r.Kind, AmountOff = r.AmountOff, PercentOff = r.PercentOff, MaxDiscount = r.MaxDiscount,
            MinSpend = r.MinSpend, ProductId = r.ProductId, CategoryId = r.CategoryId, GiftProductId = r.GiftProductId, Stackable = r.Stackable,
            ValidFrom = from, ValidTo = to, ValidDays = r.ValidDays, TotalLimit = r.TotalLimit, PerCustomerLimit = r.PerCustomerLimit,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(template);
        audit.Add(actor, AuditAction.Create, $"loyalty_coupon_template:{template.Id}", detail: name);
        await db.SaveChangesAsync(ct);
        return WriteResult<CouponTemplateCreated>.Ok(new CouponTemplateCreated(template.Id, name));
    }
}
