namespace Patron.Engine.Features;

/// <summary>One customer's features and classes as keys (e.g. "champions", "active"), for the customer 360 page.</summary>
public sealed record CustomerFeatures(
    int Frequency, long Monetary, double? RecencyDays, double? AverageOrderValue, DateOnly? FirstPurchase, DateOnly? LastPurchase,
    double? MeanGapDays, double? MedianGapDays, int? R, int? F, int? M, string? RfmSegment, string LifecycleState, string LifecycleStage,
    string? FrequencyTier, string? SpendTier, string? FavouriteStore, string? TopCategory, string? AgeBand)
{
    /// <summary>All-time net spend; <see cref="Monetary"/> covers only the last <see cref="MonetaryWindowDays"/> when that is set.</summary>
    public long LifetimeSpend { get; init; }

    public int? MonetaryWindowDays { get; init; }

    /// <summary>high_value / medium_value / low_value from the predicted lifetime value's percentile; null without a prediction.</summary>
    public string? ValueTier { get; init; }

    public double? ClvPercentile { get; init; }
}
