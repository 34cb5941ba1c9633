using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Patron.Ingestion.Import.Mapping;

namespace Patron.Ingestion.Import;

public enum ImportStatus { Running, Completed, Failed, Cancelled }

/// <summary>
/// One run of an import. Its counts are written with each committed batch, so a killed run shows how far it got;
/// a rerun is a new job that finds the committed rows again and skips them.
/// </summary>
public sealed class ImportJob
{
    public Guid Id { get; set; }
    public string Source { get; set; } = "";
    public string FileName { get; set; } = "";
    public ImportKind Kind { get; set; }
    public ImportStatus Status { get; set; }
    public string HeadersJson { get; set; } = "[]";
    public string MappingJson { get; set; } = "";
    public long RowsRead { get; set; }
    public long RowsAccepted { get; set; }
    public long RowsRejected { get; set; }
    public long CustomersCreated { get; set; }
    public long CustomersMatched { get; set; }
    public long OrdersCreated { get; set; }
    public long OrderLinesCreated { get; set; }
    public long DuplicatesSkipped { get; set; }
    public string? Error { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
}

sealed class ImportJobConfiguration : IEntityTypeConfiguration<ImportJob>
{
    public void Configure(EntityTypeBuilder<ImportJob> b)
    {
        b.ToTable("ingestion_jobs");
        b.Property(j => j.Source).HasMaxLength(64);
        b.Property(j => j.FileName).HasMaxLength(260);
        b.Property(j => j.Error).HasMaxLength(2000);
        b.HasIndex(j => j.StartedAt);
    }
}
