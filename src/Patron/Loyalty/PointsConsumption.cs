using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Patron.Customers;

namespace Patron.Loyalty;

/// <summary>
/// How many points one redeem, expire or negative adjust entry took from one lot. Kept so that a refund can give
/// the points back to the very lots they came from, with their original expiry.
/// </summary>
public sealed class PointsConsumption
{
    public Guid Id { get; set; }
    public Guid CustomerId { get; set; }
    public Guid EntryId { get; set; }
    public Guid LotId { get; set; }
    public long Points { get; set; }
}

sealed class PointsConsumptionConfiguration : IEntityTypeConfiguration<PointsConsumption>
{
    public void Configure(EntityTypeBuilder<PointsConsumption> b)
    {
        b.ToTable("loyalty_consumptions");
        b.HasIndex(c => new { c.CustomerId, c.EntryId });
        b.HasOne<PointsEntry>().WithMany().HasForeignKey(c => c.EntryId).OnDelete(DeleteBehavior.NoAction);
        b.HasOne<PointsLot>().WithMany().HasForeignKey(c => c.LotId).OnDelete(DeleteBehavior.NoAction);
        b.HasOne<Customer>().WithMany().HasForeignKey(c => c.CustomerId).OnDelete(DeleteBehavior.Cascade);
    }
}
