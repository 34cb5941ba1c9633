using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Patron.Segmentation;

/// <summary>
/// A saved segment: a rule tree (stored as the normalised JSON of <c>SegmentRuleJson</c>) and its materialised size.
/// Members live in <see cref="SegmentMembership"/>, refreshed as orders arrive and periodically.
/// </summary>
public sealed class Segment
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public string RuleJson { get; set; } = "";
    public int MemberCount { get; set; }
    public DateTime? RefreshedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
    public DateTime UpdatedAt { get; set; }
}

sealed class SegmentConfiguration : IEntityTypeConfiguration<Segment>
{
    public void Configure(EntityTypeBuilder<Segment> b)
    {
        b.ToTable("segmentation_segments");
        b.Property(s => s.Name).HasMaxLength(100);
        b.Property(s => s.Description).HasMaxLength(500);
        b.Property(s => s.CreatedBy).HasMaxLength(256);
        b.Property(s => s.UpdatedBy).HasMaxLength(256);
        b.HasIndex(s => s.Name).IsUnique();
    }
}
