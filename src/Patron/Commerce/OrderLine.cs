using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Patron.Commerce;

/// <summary>One line of an order. Carries the customer id too, so lines co-locate with their customer when sharded.</summary>
public sealed class OrderLine
{
    public Guid Id { get; set; }
    public Guid OrderId { get; set; }
    public Guid? CustomerId { get; set; }
    public int LineNo { get; set; }
    public Guid ProductId { get; set; }
    public int Quantity { get; set; }
    public long UnitPrice { get; set; }
    public long Amount { get; set; }
}

sealed class OrderLineConfiguration : IEntityTypeConfiguration<OrderLine>
{
    public void Configure(EntityTypeBuilder<OrderLine> b)
    {
        b.ToTable("commerce_order_lines");
        b.HasIndex(l => l.OrderId);
        b.HasIndex(l => l.ProductId);
        // A customer's lines: merges move them, the feature store re-reads them after a refund, recommendations sum them.
        b.HasIndex(l => l.CustomerId);
        b.HasOne<Product>().WithMany().HasForeignKey(l => l.ProductId).OnDelete(DeleteBehavior.Restrict);
    }
}
