using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Patron.Loyalty;

/// <summary>
/// A membership tier and its benefits. <see cref="Threshold"/> is in the unit of the programme's tier basis (fen of
/// net spend, or points earned) over the rolling window; the lowest tier has threshold 0.
/// </summary>
public sealed class LoyaltyTier
{
    public Guid Id { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public int Rank { get; set; }
    public long Threshold { get; set; }
    public int PointsMultiplierPercent { get; set; } = 100;
    public int DiscountPercent { get; set; }
    public long BirthdayPoints { get; set; }
    /// <summary>The birthday gift as a coupon of this template (besides or instead of <see cref="BirthdayPoints"/>).</summary>
    public Guid? BirthdayCouponTemplateId { get; set; }
    public bool FreeDelivery { get; set; }
    public string Perks { get; set; } = "";
}

sealed class LoyaltyTierConfiguration : IEntityTypeConfiguration<LoyaltyTier>
{
    public void Configure(EntityTypeBuilder<LoyaltyTier> b)
    {
        b.ToTable("loyalty_tiers");
        b.Property(t => t.Code).HasMaxLength(32);
        b.Property(t => t.Name).HasMaxLength(100);
        b.Property(t => t.Perks).HasMaxLength(1000);
        b.HasIndex(t => t.Code).IsUnique();
        b.HasIndex(t => t.Rank).IsUnique();
        b.HasOne<CouponTemplate>().WithMany().HasForeignKey(t => t.BirthdayCouponTemplateId).OnDelete(DeleteBehavior.SetNull);
    }
}
