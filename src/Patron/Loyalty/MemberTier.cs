using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Patron.Customers;

namespace Patron.Loyalty;

/// <summary>
/// A customer's current tier. Reaching a higher threshold upgrades at once; a downgrade waits for
/// <see cref="ReviewAt"/> (plus the programme's grace days), when the tier is evaluated over the rolling window again.
/// </summary>
public sealed class MemberTier
{
    public Guid CustomerId { get; set; }
    public Guid TierId { get; set; }
    public DateTime Since { get; set; }
    public DateTime ReviewAt { get; set; }
}

sealed class MemberTierConfiguration : IEntityTypeConfiguration<MemberTier>
{
    public void Configure(EntityTypeBuilder<MemberTier> b)
    {
        b.ToTable("loyalty_member_tiers");
        b.HasKey(m => m.CustomerId);
        b.HasIndex(m => m.ReviewAt);
        b.HasOne<LoyaltyTier>().WithMany().HasForeignKey(m => m.TierId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Customer>().WithMany().HasForeignKey(m => m.CustomerId).OnDelete(DeleteBehavior.Cascade);
    }
}
