using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Patron.Ingestion.Import.Mapping;

namespace Patron.Ingestion.Import;

/// <summary>A named source of files (a shop, a till system) and the column mapping last used for it, per kind.</summary>
public sealed class ImportSource
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public ImportKind Kind { get; set; }
    public string MappingJson { get; set; } = "";
    public DateTime UpdatedAt { get; set; }
}

sealed class ImportSourceConfiguration : IEntityTypeConfiguration<ImportSource>
{
    public void Configure(EntityTypeBuilder<ImportSource> b)
    {
        b.ToTable("ingestion_sources");
        b.Property(s => s.Name).HasMaxLength(64);
        b.HasIndex(s => new { s.Name, s.Kind }).IsUnique();
    }
}
