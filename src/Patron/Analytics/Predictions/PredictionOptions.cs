using System.ComponentModel.DataAnnotations;

namespace Patron.Analytics.Predictions;

/// <summary>Patron:Predictions — the lifetime-value horizon and money terms, and how often the predictions refresh.</summary>
public sealed class PredictionOptions
{
    public const string Section = "Patron:Predictions";

    /// <summary>Refresh when the latest run is older than this; 0 turns the schedule off (the CLI can still refresh).</summary>
    [Range(0, 24 * 366)]
    public int RefreshHours { get; set; } = 24;

    [Range(1, 120)]
    public int HorizonMonths { get; set; } = 12;

    [Range(0, 0.5)]
    public double MonthlyDiscountRate { get; set; } = 0.01;

    /// <summary>The share of revenue that is margin; 1 gives lifetime value as revenue.</summary>
    [Range(0.01, 1)]
    public double Margin { get; set; } = 1;

    /// <summary>Fewer buying customers than this give no fit worth showing.</summary>
    [Range(2, int.MaxValue)]
    public int MinimumCustomers { get; set; } = 50;
}
