using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Patron.Customers;

namespace Patron.Loyalty;

public enum TierChangeKind { Joined, Upgrade, Downgrade, Renewed }

/// <summary>The tier history: one row per change, with the qualifying measure that caused it.</summary>
public sealed class TierChange
{
    public Guid Id { get; set; }
    public Guid CustomerId { get; set; }
    public Guid? FromTierId { get; set; }
    public Guid ToTierId { get; set; }
    public TierChangeKind Kind { get; set; }
    public long Measure { get; set; }
    public DateTime At { get; set; }
}

sealed class TierChangeConfiguration : IEntityTypeConfiguration<TierChange>
{
    public void Configure(EntityTypeBuilder<TierChange> b)
    {
        b.ToTable("loyalty_tier_history");
        b.HasIndex(c => new { c.CustomerId, c.At });
        b.HasOne<Customer>().WithMany().HasForeignKey(c => c.CustomerId).OnDelete(DeleteBehavior.Cascade);
    }
}
