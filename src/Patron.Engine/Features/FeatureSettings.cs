using Patron.Engine.Lifecycle;

namespace Patron.Engine.Features;

/// <summary>
/// How the feature store classifies: the lifecycle thresholds, the window of the monetary measure (null = all time,
/// otherwise net spend of the purchases in the last N days, the as-of day included; RFM's M and the spend tier use it,
/// AOV and lifetime_spend stay all-time), and the cuts of the CLV value tier.
/// </summary>
public sealed record FeatureSettings
{
    public FeatureSettings(LifecyclePreset? preset = null, int? monetaryWindowDays = null, ValueTierCuts? valueTiers = null)
    {
        if (monetaryWindowDays is <= 0)
            throw new ArgumentException($"The monetary window needs at least one day (got {monetaryWindowDays}); null means all time.", nameof(monetaryWindowDays));
        Preset = preset ?? LifecyclePresets.General;
        MonetaryWindowDays = monetaryWindowDays;
        ValueTiers = valueTiers ?? ValueTierCuts.Default;
    }

    public LifecyclePreset Preset { get; }
    public int? MonetaryWindowDays { get; }
    public ValueTierCuts ValueTiers { get; }
}

/// <summary>
/// The value tier from the predicted lifetime value's percentile (<see cref="FeatureNames.ClvPercentile"/>): high above
/// <see cref="HighAbove"/>, medium above <see cref="MediumAbove"/>, low otherwise. The defaults, 80 and 50, give the
/// top fifth, the next three tenths and the lower half: the usual Pareto reading, where the top fifth carries most of the value.
/// </summary>
public sealed record ValueTierCuts
{
    public ValueTierCuts(double mediumAbove = 50, double highAbove = 80)
    {
        if (!(mediumAbove >= 0 && mediumAbove < highAbove && highAbove < 100))
            throw new ArgumentException($"Value tier cuts need 0 ≤ medium < high < 100 (got {mediumAbove}, {highAbove}).");
        (MediumAbove, HighAbove) = (mediumAbove, highAbove);
    }

    public double MediumAbove { get; }
    public double HighAbove { get; }

    public static ValueTierCuts Default { get; } = new();
}
