using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Patron.Commerce;

public sealed class Store
{
    public Guid Id { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string Province { get; set; } = "";
    public string City { get; set; } = "";
    public string District { get; set; } = "";
    public string Address { get; set; } = "";
    public DateOnly OpenedOn { get; set; }
}

sealed class StoreConfiguration : IEntityTypeConfiguration<Store>
{
    public void Configure(EntityTypeBuilder<Store> b)
    {
        b.ToTable("commerce_stores");
        b.Property(s => s.Code).HasMaxLength(32);
        b.Property(s => s.Name).HasMaxLength(100);
        b.Property(s => s.Province).HasMaxLength(40);
        b.Property(s => s.City).HasMaxLength(40);
        b.Property(s => s.District).HasMaxLength(40);
        b.Property(s => s.Address).HasMaxLength(200);
        b.HasIndex(s => s.Code).IsUnique();
    }
}
