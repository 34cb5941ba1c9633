using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Patron.Segmentation;

/// <summary>
/// One stay of a customer in a segment: entered at a refresh, left at a later one (null while still a member). A customer
/// who leaves and comes back gets a second row, so the rows are the membership history.
/// </summary>
public sealed class SegmentMembership
{
    public Guid Id { get; set; }
    public Guid SegmentId { get; set; }
    public Guid CustomerId { get; set; }
    public DateTime EnteredAt { get; set; }
    public DateTime? LeftAt { get; set; }
}

sealed class SegmentMembershipConfiguration : IEntityTypeConfiguration<SegmentMembership>
{
    public void Configure(EntityTypeBuilder<SegmentMembership> b)
    {
        b.ToTable("segmentation_memberships");
        // Current members of a segment (LeftAt null) and a customer's segments are the two reads.
        b.HasIndex(m => new { m.SegmentId, m.LeftAt, m.CustomerId });
        b.HasIndex(m => new { m.CustomerId, m.LeftAt });
        b.HasOne<Segment>().WithMany().HasForeignKey(m => m.SegmentId).OnDelete(DeleteBehavior.Cascade);
    }
}
