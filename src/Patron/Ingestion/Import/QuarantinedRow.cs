using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Patron.Ingestion.Import.Mapping;

namespace Patron.Ingestion.Import;

/// <summary>
/// A rejected row, kept whole with the reasons so that it can be downloaded, fixed and imported again.
/// (Source, Kind, RowKey) is unique: the key hashes the row's number and cells, so importing the same file again
/// finds the row already quarantined instead of adding it twice, while two identical rows of one file stay two.
/// </summary>
public sealed class QuarantinedRow
{
    public Guid Id { get; set; }
    public Guid JobId { get; set; }
    public string Source { get; set; } = "";
    public ImportKind Kind { get; set; }
    public string RowKey { get; set; } = "";
    public long RowNumber { get; set; }
    /// <summary>The cells as a JSON array of strings, in the file's column order.</summary>
    public string CellsJson { get; set; } = "[]";
    public string Reasons { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}

sealed class QuarantinedRowConfiguration : IEntityTypeConfiguration<QuarantinedRow>
{
    public void Configure(EntityTypeBuilder<QuarantinedRow> b)
    {
        b.ToTable("ingestion_quarantine");
        b.Property(q => q.Source).HasMaxLength(64);
        b.Property(q => q.RowKey).HasMaxLength(64);
        b.HasIndex(q => new { q.Source, q.Kind, q.RowKey }).IsUnique();
        b.HasIndex(q => q.JobId);
        b.HasOne<ImportJob>().WithMany().HasForeignKey(q => q.JobId).OnDelete(DeleteBehavior.Cascade);
    }
}
