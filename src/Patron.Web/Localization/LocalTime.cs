using Microsoft.Extensions.Options;
using Patron.Platform;

namespace Patron.Web.Localization;

/// <summary>Shows the UTC times the database holds in the business's zone (Patron:TimeZone, China time by default).</summary>
public sealed class LocalTime(IOptions<PatronOptions> options)
{
    readonly TimeZoneInfo zone = options.Value.FindZone();

    public DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);

    /// <summary>Local midnight of <paramref name="day"/> as UTC, for "from this day" filters.</summary>
    public DateTime StartOfDayUtc(DateTime day) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(day.Date, DateTimeKind.Unspecified), zone);

    public string DateAndTime(DateTime utc) => ToLocal(utc).ToString("yyyy-MM-dd HH:mm");

    public string Date(DateTime utc) => ToLocal(utc).ToString("yyyy-MM-dd");
}
