using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Patron.Loyalty;

/// <summary>
/// Birthday: <see cref="CouponTrigger.Days"/> days before it, once a year. TierUpgrade: on each upgrade (to
/// <see cref="CouponTrigger.TierId"/> only, when set). FirstPurchase: once. WinBack: when a customer has not bought for
/// <see cref="CouponTrigger.Days"/> days, once per lapse.
/// </summary>
public enum TriggerKind { Birthday, TierUpgrade, FirstPurchase, WinBack }

/// <summary>
/// Issues a template automatically (see <see cref="IssueTriggeredCouponsHandler"/>). Only occurrences from
/// <see cref="CreatedAt"/> on count, so that switching a trigger on does not shower the whole customer history with
/// coupons. At most one per template and kind.
/// </summary>
public sealed class CouponTrigger
{
    public Guid Id { get; set; }
    public Guid TemplateId { get; set; }
    public TriggerKind Kind { get; set; }
    public int Days { get; set; }
    public Guid? TierId { get; set; }
    public bool Active { get; set; } = true;
    public DateTime CreatedAt { get; set; }
}

sealed class CouponTriggerConfiguration : IEntityTypeConfiguration<CouponTrigger>
{
    public void Configure(EntityTypeBuilder<CouponTrigger> b)
    {
        b.ToTable("loyalty_coupon_triggers");
        b.HasIndex(t => new { t.TemplateId, t.Kind }).IsUnique();
        b.HasOne<CouponTemplate>().WithMany().HasForeignKey(t => t.TemplateId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<LoyaltyTier>().WithMany().HasForeignKey(t => t.TierId).OnDelete(DeleteBehavior.SetNull);
    }
}
