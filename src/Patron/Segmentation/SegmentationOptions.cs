using System.ComponentModel.DataAnnotations;

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
}
