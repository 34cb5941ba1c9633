using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Patron.Commerce;

public enum OrderNoticeKind { Placed, Refunded }

/// <summary>
/// The outbox: one row per order (or refund) and observer, written in the order's own transaction, so that a notice
/// can never be lost between the commit and the observers. A row is delivered once its observer returned; until then
/// <see cref="OrderNoticeDispatcher"/> tries it again at <see cref="NextAttemptAt"/>, with backoff. One row per
/// observer (not per order) because not every observer is idempotent: a failing loyalty observer must not make
/// segmentation count the order twice.
/// </summary>
public sealed class OrderNotice
{
    public Guid Id { get; set; }
    public OrderNoticeKind Kind { get; set; }
    public Guid OrderId { get; set; }
    public Guid? RefundId { get; set; }
    public Guid? CustomerId { get; set; }
    /// <summary>The observer's type name.</summary>
    public string Observer { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public DateTime? DeliveredAt { get; set; }
    public string? LastError { get; set; }

    public const int ErrorLength = 500;
}

sealed class OrderNoticeConfiguration : IEntityTypeConfiguration<OrderNotice>
{
    public void Configure(EntityTypeBuilder<OrderNotice> b)
    {
        b.ToTable("commerce_order_notices");
        b.Property(n => n.Observer).HasMaxLength(200);
        b.Property(n => n.LastError).HasMaxLength(OrderNotice.ErrorLength);
        b.HasIndex(n => new { n.DeliveredAt, n.NextAttemptAt });
        b.HasIndex(n => new { n.OrderId, n.RefundId, n.Observer, n.Kind });
        b.HasOne<Order>().WithMany().HasForeignKey(n => n.OrderId).OnDelete(DeleteBehavior.Cascade);
    }
}
