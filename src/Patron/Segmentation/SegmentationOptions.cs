using System.ComponentModel.DataAnnotations;
using Patron.Engine.Features;

namespace Patron.Segmentation;

public sealed class SegmentationOptions
{
    public const string Section = "Patron:Segmentation";

    /// <summary>How often memberships are refreshed and quintiles re-cut when no order arrives.</summary>
    [Range(1, 1440)]
    public int RefreshMinutes { get; set; } = 5;

    /// <summary>Lifecycle thresholds by vertical: general, fresh_food, beauty_salon or apparel.</summary>
    [RegularExpression("general|fresh_food|beauty_salon|apparel")]
    public string LifecyclePreset { get; set; } = "general";

    /// <summary>
    /// Days of spend that count as "monetary" (RFM's M, the spend tier, rules on monetary); 0 = all time; unset = the
    /// lifecycle preset's default (general: all time, fresh food 90, beauty salon 180, apparel 365). lifetime_spend is
    /// always all time.
    /// </summary>
    [Range(0, 3650)]
    public int? MonetaryWindowDays { get; set; }

    /// <summary>Value tier from the predicted CLV's percentile: high above this (default 80, the top fifth) …</summary>
    [Range(1, 99)]
    public double ValueTierHighAbove { get; set; } = 80;

    /// <summary>… medium above this (default 50), low otherwise.</summary>
    [Range(0, 98)]
    public double ValueTierMediumAbove { get; set; } = 50;

    public FeatureSettings Features()
    {
        var preset = Engine.Lifecycle.LifecyclePresets.Find(LifecyclePreset) ?? Engine.Lifecycle.LifecyclePresets.General;
        var window = MonetaryWindowDays ?? preset.MonetaryWindowDays;
        return new(preset, window > 0 ? window : null, new ValueTierCuts(ValueTierMediumAbove, ValueTierHighAbove));
    }
}
