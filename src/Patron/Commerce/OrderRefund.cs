using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Patron.Commerce;

/// <summary>One refund of an order. (OrderId, RefundKey) is unique, so a retried refund is recorded once.</summary>
public sealed class OrderRefund
{
    public Guid Id { get; set; }
    public Guid OrderId { get; set; }
    public Guid? CustomerId { get; set; }
    public string RefundKey { get; set; } = "";
    public long Amount { get; set; }
    /// <summary>The order's refunded total after this refund.</summary>
    public long TotalRefunded { get; set; }
    public string Reason { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}

sealed class OrderRefundConfiguration : IEntityTypeConfiguration<OrderRefund>
{
    public void Configure(EntityTypeBuilder<OrderRefund> b)
    {
        b.ToTable("commerce_order_refunds", t => t.HasCheckConstraint("ck_commerce_order_refunds_amount", "amount > 0"));
        b.Property(r => r.RefundKey).HasMaxLength(100);
        b.Property(r => r.Reason).HasMaxLength(200);
        b.HasIndex(r => new { r.OrderId, r.RefundKey }).IsUnique();
        // A merge moves the absorbed customer's refunds by this column.
        b.HasIndex(r => r.CustomerId);
        b.HasOne<Order>().WithMany().HasForeignKey(r => r.OrderId).OnDelete(DeleteBehavior.Cascade);
    }
}
