using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Patron.Customers;

namespace Patron.Loyalty;

/// <summary>
/// Points earned together, which are spent and expire together. A lot is pending until <see cref="AvailableFrom"/>
/// (the return window) and usable until just before <see cref="ExpiresAt"/>: a lot expiring at T is expired at T.
/// The sum of <see cref="Remaining"/> over a customer's lots equals their balance.
/// </summary>
public sealed class PointsLot
{
    public Guid Id { get; set; }
    public Guid CustomerId { get; set; }
    /// <summary>The earn or adjust entry that created the lot.</summary>
    public Guid EntryId { get; set; }
    public long Points { get; set; }
    public long Remaining { get; set; }
    public DateTime EarnedAt { get; set; }
    public DateTime AvailableFrom { get; set; }
    /// <summary>Null for points that never expire (e.g. a goodwill adjustment without an expiry).</summary>
    public DateTime? ExpiresAt { get; set; }
}

sealed class PointsLotConfiguration : IEntityTypeConfiguration<PointsLot>
{
    public void Configure(EntityTypeBuilder<PointsLot> b)
    {
        b.ToTable("loyalty_lots", t => t.HasCheckConstraint("ck_loyalty_lots_remaining", "remaining >= 0 AND remaining <= points"));
        // FIFO reads a customer's open lots by expiry; the expiry job finds lots past their expiry.
        b.HasIndex(l => new { l.CustomerId, l.ExpiresAt });
        b.HasIndex(l => l.ExpiresAt);
        b.HasOne<PointsEntry>().WithMany().HasForeignKey(l => l.EntryId).OnDelete(DeleteBehavior.NoAction);
        b.HasOne<Customer>().WithMany().HasForeignKey(l => l.CustomerId).OnDelete(DeleteBehavior.Cascade);
    }
}
