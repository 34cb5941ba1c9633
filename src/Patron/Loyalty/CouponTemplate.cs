using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Patron.Engine.Loyalty;

namespace Patron.Loyalty;

/// <summary>
/// What a coupon gives and when: a fixed window (<see cref="ValidFrom"/>–<see cref="ValidTo"/>) or
/// <see cref="ValidDays"/> after issue. <see cref="IssuedCount"/> is raised by a conditional UPDATE, so the total
/// limit holds even when coupons are issued concurrently.
/// </summary>
public sealed class CouponTemplate
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public CouponKind Kind { get; set; }
    public long AmountOff { get; set; }
    public int PercentOff { get; set; }
    public long? MaxDiscount { get; set; }
    public long MinSpend { get; set; }
    public Guid? ProductId { get; set; }
    public Guid? CategoryId { get; set; }
    public Guid? GiftProductId { get; set; }
    public bool Stackable { get; set; }
    public DateTime? ValidFrom { get; set; }
    public DateTime? ValidTo { get; set; }
    public int? ValidDays { get; set; }
    public int? TotalLimit { get; set; }
    public int? PerCustomerLimit { get; set; }
    public int IssuedCount { get; set; }
    public bool Active { get; set; } = true;
    public DateTime CreatedAt { get; set; }

    public CouponTerms Terms(Guid couponId) =>
        new(couponId, Kind, AmountOff, PercentOff, MaxDiscount, MinSpend, ProductId, CategoryId, GiftProductId, Stackable);
}

sealed class CouponTemplateConfiguration : IEntityTypeConfiguration<CouponTemplate>
{
    public void Configure(EntityTypeBuilder<CouponTemplate> b)
    {
        b.ToTable("loyalty_coupon_templates", t =>
            t.HasCheckConstraint("ck_loyalty_coupon_templates_issued", "total_limit IS NULL OR issued_count <= total_limit"));
        b.Property(t => t.Name).HasMaxLength(100);
    }
}
