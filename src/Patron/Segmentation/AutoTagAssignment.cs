using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Patron.Segmentation;

/// <summary>
/// One stretch of a customer matching an auto-tag rule: from the refresh that found them matching to the one that found
/// they no longer do (null while they still match). <see cref="TagAdded"/> says whether the rule put the tag on: a
/// customer who already carried it (by hand or from another rule) keeps it when they stop matching, since this rule did
/// not give it. Rows are never deleted, so they are the history.
/// </summary>
public sealed class AutoTagAssignment
{
    public Guid Id { get; set; }
    public Guid RuleId { get; set; }
    public Guid CustomerId { get; set; }
    /// <summary>The rule's tag when the stretch began: a rule whose tag is renamed takes the old one off.</summary>
    public string Tag { get; set; } = "";
    public bool TagAdded { get; set; }
    public DateTime MatchedAt { get; set; }
    public DateTime? EndedAt { get; set; }
    /// <summary>Set once the refresh has dealt with the tag after the stretch ended (taken off, or left to another rule).</summary>
    public bool TagRemoved { get; set; }
}

sealed class AutoTagAssignmentConfiguration : IEntityTypeConfiguration<AutoTagAssignment>
{
    public void Configure(EntityTypeBuilder<AutoTagAssignment> b)
    {
        b.ToTable("segmentation_auto_tag_assignments");
        b.Property(a => a.Tag).HasMaxLength(32);
        b.HasIndex(a => new { a.RuleId, a.EndedAt, a.CustomerId });
        b.HasIndex(a => new { a.CustomerId, a.EndedAt });
        b.HasOne<AutoTagRule>().WithMany().HasForeignKey(a => a.RuleId).OnDelete(DeleteBehavior.Cascade);
    }
}
