namespace Patron.Engine.Features;

/// <summary>
/// Column names rules use. Per-key families are the prefix plus the key: <c>spend_share.水果</c>,
/// <c>category_orders.水果</c> (orders containing the category), <c>last_bought.水果</c> (a date, so
/// "bought 水果 within the last 60 days" is <c>within_last_days 60</c>), <c>channel_share.Pos</c>.
/// </summary>
public static class FeatureNames
{
    public const string Recency = "recency_days", Frequency = "frequency", Monetary = "monetary", Aov = "aov";
    public const string FirstPurchase = "first_purchase", LastPurchase = "last_purchase", Tenure = "tenure_days";
    public const string MeanGap = "mean_gap_days", MedianGap = "median_gap_days";
    public const string FavouriteStore = "favourite_store", TopCategory = "top_category";
    public const string AgeBand = "age_band", Gender = "gender", Province = "province", City = "city", Occupation = "occupation";
    public const string Tags = "tags", Birthday = "birthday", SignedUp = "signed_up";
    public const string RfmR = "rfm_r", RfmF = "rfm_f", RfmM = "rfm_m", RfmSegment = "rfm_segment";
    public const string LifecycleState = "lifecycle_state", LifecycleStage = "lifecycle_stage";
    public const string FrequencyTier = "frequency_tier", SpendTier = "spend_tier";
    public const string SpendShare = "spend_share.", CategoryOrders = "category_orders.", LastBought = "last_bought.";
    public const string ChannelShare = "channel_share.";
    public const string ProbabilityAlive = "p_alive", ExpectedPurchases90 = "expected_purchases_90d";
    public const string PredictedClv = "predicted_clv", ClvPercentile = "clv_percentile", ValueTier = "value_tier";
    public const string LifetimeSpend = "lifetime_spend";
}
