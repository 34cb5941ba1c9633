namespace Patron.Analytics;

/// <summary>
/// Calendar days as the business sees them (in the configured time zone), expressed as UTC bounds for queries.
/// Uses the zone's offset now for the whole window: exact for China (no daylight saving since 1991), at most an
/// hour off around a change elsewhere.
/// </summary>
readonly record struct LocalDays(DateTime UtcNow, TimeZoneInfo Zone)
{
    public TimeSpan Offset => Zone.GetUtcOffset(UtcNow);

    public DateOnly Today => DateOnly.FromDateTime(UtcNow + Offset);

    /// <summary>The UTC instant at which today ends locally.</summary>
    public DateTime EndUtc => StartUtc(0);

    /// <summary>The UTC instant at which the last <paramref name="days"/> local days (today included) begin.</summary>
    public DateTime StartUtc(int days) =>
        DateTime.SpecifyKind(Today.AddDays(1 - days).ToDateTime(TimeOnly.MinValue) - Offset, DateTimeKind.Utc);
}
