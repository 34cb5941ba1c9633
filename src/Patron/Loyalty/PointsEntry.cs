using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Patron.Customers;
using Patron.Platform;
using Patron.Platform.Audit;

namespace Patron.Loyalty;

public enum PointsEntryKind { Earn, Redeem, Expire, Adjust, Reverse }

/// <summary>
/// One line of a customer's append-only points ledger; <see cref="Points"/> is signed (earn +, redeem and expire −).
/// The customer's balance is the sum of these lines. (CustomerId, IdempotencyKey) is unique, so a replayed
/// request finds its original line instead of writing a second one.
/// </summary>
public sealed class PointsEntry
{
    public Guid Id { get; set; }
    public Guid CustomerId { get; set; }
    public PointsEntryKind Kind { get; set; }
    public long Points { get; set; }
    public string Reason { get; set; } = "";
    public string IdempotencyKey { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public string ActorId { get; set; } = "";
    public string ActorName { get; set; } = "";

    public static PointsEntry New(Guid customerId, PointsEntryKind kind, long points, string reason, string key, DateTime at, Actor actor) => new()
    {
        Id = Ids.New(), CustomerId = customerId, Kind = kind, Points = points, Reason = reason, IdempotencyKey = key,
        CreatedAt = at, ActorId = actor.Id, ActorName = actor.Name,
    };
}

sealed class PointsEntryConfiguration : IEntityTypeConfiguration<PointsEntry>
{
    public void Configure(EntityTypeBuilder<PointsEntry> b)
    {
        b.ToTable("loyalty_entries");
        b.Property(e => e.Reason).HasMaxLength(200);
        b.Property(e => e.IdempotencyKey).HasMaxLength(100);
        b.Property(e => e.ActorId).HasMaxLength(64);
        b.Property(e => e.ActorName).HasMaxLength(256);
        b.HasIndex(e => new { e.CustomerId, e.IdempotencyKey }).IsUnique();
        b.HasIndex(e => new { e.CustomerId, e.CreatedAt });
        b.HasOne<Customer>().WithMany().HasForeignKey(e => e.CustomerId).OnDelete(DeleteBehavior.Cascade);
    }
}
