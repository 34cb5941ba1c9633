using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Patron.Commerce;

public sealed class Product
{
    public Guid Id { get; set; }
    public string Sku { get; set; } = "";
    public string Name { get; set; } = "";
    public Guid CategoryId { get; set; }
    /// <summary>Minor units (fen).</summary>
    public long ListPrice { get; set; }
}

sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> b)
    {
        b.ToTable("commerce_products");
        b.Property(p => p.Sku).HasMaxLength(32);
        b.Property(p => p.Name).HasMaxLength(200);
        b.HasIndex(p => p.Sku).IsUnique();
        b.HasIndex(p => p.CategoryId);
        b.HasOne<Category>().WithMany().HasForeignKey(p => p.CategoryId).OnDelete(DeleteBehavior.Restrict);
    }
}
