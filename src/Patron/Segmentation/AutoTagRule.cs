using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Patron.Segmentation;

/// <summary>
/// A rule (the same JSON as a segment's) that keeps a tag on the customers who match it: the tag is attached when a
/// customer starts matching and removed when they stop, at each refresh. Who carries it because of the rule is kept in
/// <see cref="AutoTagAssignment"/>, with its history.
/// </summary>
public sealed class AutoTagRule
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string Tag { get; set; } = "";
    public string RuleJson { get; set; } = "";
    public bool Enabled { get; set; } = true;
    public int MemberCount { get; set; }
    public DateTime? RefreshedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
    public DateTime UpdatedAt { get; set; }
}

sealed class AutoTagRuleConfiguration : IEntityTypeConfiguration<AutoTagRule>
{
    public void Configure(EntityTypeBuilder<AutoTagRule> b)
    {
        b.ToTable("segmentation_auto_tag_rules");
        b.Property(r => r.Name).HasMaxLength(100);
        b.Property(r => r.Tag).HasMaxLength(32);
        b.Property(r => r.CreatedBy).HasMaxLength(256);
        b.Property(r => r.UpdatedBy).HasMaxLength(256);
        b.HasIndex(r => r.Name).IsUnique();
    }
}
