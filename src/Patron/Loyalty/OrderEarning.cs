using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Patron.Customers;

namespace Patron.Loyalty;

/// <summary>
/// What an order earned, kept so that refunds reverse the right share and tiers can sum net spend in their window
/// without reading Commerce's tables. <see cref="PointsReversed"/> and <see cref="RefundedAmount"/> are cumulative.
/// </summary>
public sealed class OrderEarning
{
    public Guid OrderId { get; set; }
    public Guid CustomerId { get; set; }
    public DateTime PlacedAt { get; set; }
    public long PaidAmount { get; set; }
    public long RefundedAmount { get; set; }
    public long PointsEarned { get; set; }
    public long PointsReversed { get; set; }
    public Guid? EntryId { get; set; }
}

sealed class OrderEarningConfiguration : IEntityTypeConfiguration<OrderEarning>
{
    public void Configure(EntityTypeBuilder<OrderEarning> b)
    {
        b.ToTable("loyalty_order_earnings");
        b.HasKey(e => e.OrderId);
        b.HasIndex(e => new { e.CustomerId, e.PlacedAt });
        b.HasOne<Customer>().WithMany().HasForeignKey(e => e.CustomerId).OnDelete(DeleteBehavior.Cascade);
    }
}
