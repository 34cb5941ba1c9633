using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Patron.Customers.Contracts;

namespace Patron.Customers;

/// <summary>A behaviour event (store visit, product view, search, ...). Payload is a small JSON object.</summary>
public sealed class CustomerEvent
{
    public Guid Id { get; set; }
    public Guid CustomerId { get; set; }
    public EventKind Kind { get; set; }
    public DateTime At { get; set; }
    public SalesChannel Channel { get; set; }
    public Guid? StoreId { get; set; }
    public Guid? ProductId { get; set; }
    public string? Payload { get; set; }
    /// <summary>Where an ingested event came from (an import source or API client); null for events Patron records itself.</summary>
    public string? Source { get; set; }
    /// <summary>The event's id in its source (or a hash of its row): (Source, ExternalId) is unique, so a replay adds nothing.</summary>
    public string? ExternalId { get; set; }
}

sealed class CustomerEventConfiguration : IEntityTypeConfiguration<CustomerEvent>
{
    public void Configure(EntityTypeBuilder<CustomerEvent> b)
    {
        b.ToTable("customers_events");
        b.Property(e => e.Payload).HasMaxLength(4000);
        b.Property(e => e.Source).HasMaxLength(64);
        b.Property(e => e.ExternalId).HasMaxLength(128);
        b.HasIndex(e => new { e.CustomerId, e.At });
        b.HasIndex(e => new { e.Source, e.ExternalId }).IsUnique();
        b.HasOne<Customer>().WithMany().HasForeignKey(e => e.CustomerId).OnDelete(DeleteBehavior.Cascade);
    }
}
