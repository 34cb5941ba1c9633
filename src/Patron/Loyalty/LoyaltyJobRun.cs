using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Patron.Loyalty;

/// <summary>One run of a scheduled loyalty job (expire, evaluate-tiers, issue-triggered): what it did or why it failed.</summary>
public sealed class LoyaltyJobRun
{
    public Guid Id { get; set; }
    public string Job { get; set; } = "";
    /// <summary>The instant the job worked as of.</summary>
    public DateTime AsOf { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime FinishedAt { get; set; }
    public bool Succeeded { get; set; }
    public string Summary { get; set; } = "";

    public const int SummaryLength = 1000;
}

sealed class LoyaltyJobRunConfiguration : IEntityTypeConfiguration<LoyaltyJobRun>
{
    public void Configure(EntityTypeBuilder<LoyaltyJobRun> b)
    {
        b.ToTable("loyalty_job_runs");
        b.Property(r => r.Job).HasMaxLength(32);
        b.Property(r => r.Summary).HasMaxLength(LoyaltyJobRun.SummaryLength);
        b.HasIndex(r => new { r.Job, r.StartedAt });
    }
}
