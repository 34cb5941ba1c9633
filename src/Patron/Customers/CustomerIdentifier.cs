using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Patron.Customers.Contracts;

namespace Patron.Customers;

/// <summary>One normalised identifier that points at a customer; (kind, value) is unique across all customers.</summary>
public sealed class CustomerIdentifier
{
    public Guid Id { get; set; }
    public Guid CustomerId { get; set; }
    public IdentifierKind Kind { get; set; }
    public string Value { get; set; } = "";
    public string Source { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}

sealed class CustomerIdentifierConfiguration : IEntityTypeConfiguration<CustomerIdentifier>
{
    public void Configure(EntityTypeBuilder<CustomerIdentifier> b)
    {
        b.ToTable("customers_identifiers");
        b.Property(i => i.Value).HasMaxLength(128);
        b.Property(i => i.Source).HasMaxLength(64);
        b.HasIndex(i => new { i.Kind, i.Value }).IsUnique();
        b.HasIndex(i => i.CustomerId);
        b.HasOne<Customer>().WithMany().HasForeignKey(i => i.CustomerId).OnDelete(DeleteBehavior.Cascade);
    }
}
