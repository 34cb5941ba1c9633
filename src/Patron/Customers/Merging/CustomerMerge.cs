using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Patron.Customers.Merging;

public enum MergeTrigger { Automatic, Review, Manual }

/// <summary>
/// One merge of a customer into another: both records as they were before it (JSON), so that an unmerge restores
/// them exactly, and the rows it moved (<see cref="MergeMove"/>).
/// </summary>
public sealed class CustomerMerge
{
    public Guid Id { get; set; }
    public Guid SurvivorId { get; set; }
    public Guid AbsorbedId { get; set; }
    public MergeTrigger Trigger { get; set; }
    public double? Score { get; set; }
    public string SurvivorBefore { get; set; } = "";
    public string AbsorbedBefore { get; set; } = "";
    public DateTime MergedAt { get; set; }
    public string MergedBy { get; set; } = "";
    public DateTime? UnmergedAt { get; set; }
    public string? UnmergedBy { get; set; }
}

sealed class CustomerMergeConfiguration : IEntityTypeConfiguration<CustomerMerge>
{
    public void Configure(EntityTypeBuilder<CustomerMerge> b)
    {
        b.ToTable("customers_merges");
        b.Property(m => m.MergedBy).HasMaxLength(100);
        b.Property(m => m.UnmergedBy).HasMaxLength(100);
        b.HasIndex(m => m.SurvivorId);
        b.HasIndex(m => m.AbsorbedId);
    }
}
