using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Patron.Customers.Merging;

public enum CandidateStatus { Pending, Rejected, Merged }

/// <summary>
/// A pair of customers the matcher scored, stored once per pair (the smaller id first) so that a decision sticks:
/// a rejected or merged pair is never queued again. Contributions is a JSON object of field → weight; they sum to Score.
/// </summary>
public sealed class MatchCandidate
{
    public Guid Id { get; set; }
    public Guid FirstId { get; set; }
    public Guid SecondId { get; set; }
    public double Score { get; set; }
    public string Contributions { get; set; } = "{}";
    public CandidateStatus Status { get; set; }
    public DateTime FoundAt { get; set; }
    public DateTime? DecidedAt { get; set; }
    public string? DecidedBy { get; set; }
    public Guid? MergeId { get; set; }

    public static (Guid, Guid) Ordered(Guid a, Guid b) => a.CompareTo(b) < 0 ? (a, b) : (b, a);
}

sealed class MatchCandidateConfiguration : IEntityTypeConfiguration<MatchCandidate>
{
    public void Configure(EntityTypeBuilder<MatchCandidate> b)
    {
        b.ToTable("customers_match_candidates");
        b.Property(c => c.Contributions).HasMaxLength(2000);
        b.Property(c => c.DecidedBy).HasMaxLength(100);
        b.HasIndex(c => new { c.FirstId, c.SecondId }).IsUnique();
        b.HasIndex(c => new { c.Status, c.Score });
    }
}
