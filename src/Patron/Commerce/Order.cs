using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Patron.Commerce.Contracts;
using Patron.Customers;
using Patron.Customers.Contracts;

namespace Patron.Commerce;

/// <summary>
/// One sale. (Source, ExternalId) is unique so that replaying an import or an API call never creates a second order.
/// Amounts are minor units: Paid = Gross - Discount.
/// </summary>
public sealed class Order
{
    public Guid Id { get; set; }
    public SalesChannel Source { get; set; }
    public string ExternalId { get; set; } = "";
    public Guid? StoreId { get; set; }
    public Guid? CustomerId { get; set; }
    public DateTime PlacedAt { get; set; }
    public OrderStatus Status { get; set; }
    public long GrossAmount { get; set; }
    public long DiscountAmount { get; set; }
    public long PaidAmount { get; set; }
    public long RefundedAmount { get; set; }
    public string Currency { get; set; } = "CNY";
    public PaymentMethod PaymentMethod { get; set; }
    public DateTime CreatedAt { get; set; }
    public List<OrderLine> Lines { get; set; } = [];
}

sealed class OrderConfiguration : IEntityTypeConfiguration<Order>
{
    public void Configure(EntityTypeBuilder<Order> b)
    {
        b.ToTable("commerce_orders");
        b.Property(o => o.ExternalId).HasMaxLength(64);
        b.Property(o => o.Currency).HasMaxLength(3);
        b.HasIndex(o => new { o.Source, o.ExternalId }).IsUnique();
        // Per-customer order history, newest first.
        b.HasIndex(o => new { o.CustomerId, o.PlacedAt });
        b.HasIndex(o => o.PlacedAt);
        b.HasOne<Customer>().WithMany().HasForeignKey(o => o.CustomerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Store>().WithMany().HasForeignKey(o => o.StoreId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(o => o.Lines).WithOne().HasForeignKey(l => l.OrderId).OnDelete(DeleteBehavior.Cascade);
    }
}
