namespace Patron.Engine.Features;

/// <summary>One customer's features and classes as keys (e.g. "champions", "active"), for the customer 360 page.</summary>
public sealed record CustomerFeatures(
    int Frequency, long Monetary, double? RecencyDays, double? AverageOrderValue, DateOnly? FirstPurchase, DateOnly? LastPurchase,
    double? MeanGapDays, double? MedianGapDays, int? R, int? F, int? M, string? RfmSegment, string LifecycleState, string LifecycleStage,
    string? FrequencyTier, string? SpendTier, string? FavouriteStore, string? TopCategory, string? AgeBand);
