using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Patron.Segmentation;

/// <summary>A segment's size after a refresh that changed it: the list page draws the trend from these.</summary>
public sealed class SegmentSize
{
    public Guid Id { get; set; }
    public Guid SegmentId { get; set; }
    public DateTime At { get; set; }
    public int Members { get; set; }
    public int Entered { get; set; }
    public int Left { get; set; }
}

sealed class SegmentSizeConfiguration : IEntityTypeConfiguration<SegmentSize>
{
    public void Configure(EntityTypeBuilder<SegmentSize> b)
    {
        b.ToTable("segmentation_sizes");
        b.HasIndex(s => new { s.SegmentId, s.At });
        b.HasOne<Segment>().WithMany().HasForeignKey(s => s.SegmentId).OnDelete(DeleteBehavior.Cascade);
    }
}
