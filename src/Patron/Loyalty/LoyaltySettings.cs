using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Patron.Platform;

namespace Patron.Loyalty;

public enum TierBasis { Spend, Points }

/// <summary>
/// The programme's settings: one row (<see cref="SingletonId"/>); until it is saved the defaults apply.
/// Points are earned at 1 per <see cref="FenPerPoint"/> fen paid and are worth <see cref="PointValueFen"/> fen each at the till.
/// </summary>
public sealed class LoyaltySettings
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;
    public long FenPerPoint { get; set; } = 100;
    public long PointValueFen { get; set; } = 1;
    /// <summary>Points from an order stay pending this long after it is placed, while it can still be returned.</summary>
    public int ReturnWindowDays { get; set; } = 7;
    /// <summary>A lot expires at the end of the local year this many years after it was earned (1: end of next year).</summary>
    public int ExpiryYears { get; set; } = 1;
    public long? MaxPointsPerOrder { get; set; }
    public TierBasis TierBasis { get; set; } = TierBasis.Spend;
    /// <summary>The rolling window tiers qualify over, and how long a tier holds before it is reviewed.</summary>
    public int TierWindowDays { get; set; } = 365;
    /// <summary>Extra days after the review date before a downgrade takes effect.</summary>
    public int TierGraceDays { get; set; }
    /// <summary>The "points.expiring" reminder is recorded this many days before a lot expires.</summary>
    public int ExpiryReminderDays { get; set; } = 30;
    /// <summary>Member days and year ends are local dates in this zone.</summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";

    public static async Task<LoyaltySettings> LoadAsync(PatronDb db, CancellationToken ct) =>
        await db.Set<LoyaltySettings>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == SingletonId, ct) ?? new LoyaltySettings();

    public TimeZoneInfo Zone() => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    public DateOnly LocalDate(DateTime utc) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utc, Zone()));

    /// <summary>The first instant of the local year after the expiry year, in UTC: a lot is usable strictly before it.</summary>
    public DateTime ExpiryFor(DateTime earnedUtc)
    {
        var year = LocalDate(earnedUtc).Year + ExpiryYears + 1;
        return TimeZoneInfo.ConvertTimeToUtc(new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Unspecified), Zone());
    }
}

sealed class LoyaltySettingsConfiguration : IEntityTypeConfiguration<LoyaltySettings>
{
    public void Configure(EntityTypeBuilder<LoyaltySettings> b)
    {
        b.ToTable("loyalty_settings");
        b.Property(s => s.Id).ValueGeneratedNever();
        b.Property(s => s.TimeZone).HasMaxLength(64);
    }
}
