using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Patron.Platform.Audit;

public enum AuditAction { View, Reveal, Export, Create, Update, Delete }

public enum ActorKind { User, ApiKey, System }

/// <summary>
/// One line of the append-only audit trail (PIPL art. 51–54 ask for records of who processed personal data).
/// <see cref="PatronDb"/> refuses to update or delete these rows.
/// </summary>
public sealed class AuditEntry
{
    public Guid Id { get; set; }
    public DateTime At { get; set; }
    public ActorKind ActorKind { get; set; }
    public string ActorId { get; set; } = "";
    public string ActorName { get; set; } = "";
    public AuditAction Action { get; set; }
    public string Subject { get; set; } = "";
    public Guid? CustomerId { get; set; }
    public string? Detail { get; set; }
    public string? IpAddress { get; set; }
}

sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("platform_audit_log");
        b.Property(a => a.ActorId).HasMaxLength(64);
        b.Property(a => a.ActorName).HasMaxLength(256);
        b.Property(a => a.Subject).HasMaxLength(64);
        b.Property(a => a.Detail).HasMaxLength(1000);
        b.Property(a => a.IpAddress).HasMaxLength(64);
        b.HasIndex(a => a.At);
        b.HasIndex(a => new { a.CustomerId, a.At });
    }
}
