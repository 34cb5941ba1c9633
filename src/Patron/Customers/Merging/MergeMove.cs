using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Patron.Customers.Merging;

/// <summary>One row that a merge re-pointed from the absorbed customer to the survivor: what an unmerge moves back.</summary>
public sealed class MergeMove
{
    public Guid Id { get; set; }
    public Guid MergeId { get; set; }
    /// <summary>The moved row's table, e.g. commerce_orders.</summary>
    public string TableName { get; set; } = "";
    /// <summary>The moved row's key; for tables keyed by the customer (one row each) the absorbed customer's id.</summary>
    public Guid RowId { get; set; }
}

sealed class MergeMoveConfiguration : IEntityTypeConfiguration<MergeMove>
{
    public void Configure(EntityTypeBuilder<MergeMove> b)
    {
        b.ToTable("customers_merge_moves");
        b.Property(m => m.TableName).HasMaxLength(64);
        b.HasIndex(m => new { m.MergeId, m.TableName, m.RowId });
        b.HasOne<CustomerMerge>().WithMany().HasForeignKey(m => m.MergeId).OnDelete(DeleteBehavior.Cascade);
    }
}
