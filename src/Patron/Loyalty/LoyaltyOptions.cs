using System.ComponentModel.DataAnnotations;

namespace Patron.Loyalty;

public sealed class LoyaltyOptions
{
    public const string Section = "Patron:Loyalty";

    /// <summary>
    /// The local hour (in Patron:TimeZone) from which the daily jobs (expire, evaluate-tiers, issue-triggered) run;
    /// 0 switches the schedule off (the CLI still runs them).
    /// </summary>
    [Range(0, 23)]
    public int DailyJobsHour { get; set; } = 3;
}
