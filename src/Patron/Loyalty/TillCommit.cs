using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Patron.Customers;

namespace Patron.Loyalty;

/// <summary>
/// A till's use of coupons and points on one sale, written in the same transaction as them. (CustomerId,
/// IdempotencyKey) is unique, and <see cref="Response"/> keeps the answer so that a replay returns it byte for byte.
/// <see cref="OrderRef"/> ("source:externalId") links it to the order when that arrives, for refunds.
/// </summary>
public sealed class TillCommit
{
    public Guid Id { get; set; }
    public Guid CustomerId { get; set; }
    public string IdempotencyKey { get; set; } = "";
    public string? OrderRef { get; set; }
    public long PointsRedeemed { get; set; }
    public Guid? PointsEntryId { get; set; }
    /// <summary>Of the redeemed points, how many refunds have dealt with so far (given back, or lost to expiry).</summary>
    public long PointsRefunded { get; set; }
    public bool CouponsRestored { get; set; }
    public string Response { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}

sealed class TillCommitConfiguration : IEntityTypeConfiguration<TillCommit>
{
    public void Configure(EntityTypeBuilder<TillCommit> b)
    {
        b.ToTable("loyalty_till_commits");
        b.Property(c => c.IdempotencyKey).HasMaxLength(100);
        b.Property(c => c.OrderRef).HasMaxLength(100);
        b.Property(c => c.Response).HasMaxLength(8000);
        b.HasIndex(c => new { c.CustomerId, c.IdempotencyKey }).IsUnique();
        b.HasIndex(c => new { c.CustomerId, c.OrderRef });
        b.HasOne<Customer>().WithMany().HasForeignKey(c => c.CustomerId).OnDelete(DeleteBehavior.Cascade);
    }
}
