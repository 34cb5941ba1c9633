using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Patron.Customers;

namespace Patron.Loyalty;

/// <summary>
/// The "points.expiring" event: recorded once per lot, some days before it expires, for the engagement capability to
/// send later (it reads rows where <see cref="SentAt"/> is null). Keyed by the lot, so the job can run any number of times.
/// </summary>
public sealed class ExpiryReminder
{
    public const string EventName = "points.expiring";

    public Guid Id { get; set; }
    public Guid CustomerId { get; set; }
    public Guid LotId { get; set; }
    public long Points { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime RecordedAt { get; set; }
    public DateTime? SentAt { get; set; }
}

sealed class ExpiryReminderConfiguration : IEntityTypeConfiguration<ExpiryReminder>
{
    public void Configure(EntityTypeBuilder<ExpiryReminder> b)
    {
        b.ToTable("loyalty_expiry_reminders");
        b.HasIndex(r => r.LotId).IsUnique();
        b.HasIndex(r => new { r.CustomerId, r.ExpiresAt });
        b.HasOne<Customer>().WithMany().HasForeignKey(r => r.CustomerId).OnDelete(DeleteBehavior.Cascade);
    }
}
