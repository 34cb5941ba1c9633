namespace Patron.Engine.Lifecycle;

/// <summary>State and stage thresholds tuned together for one kind of retailer.</summary>
/// <param name="MonetaryWindowDays">
/// The default window of "monetary" (RFM's M, the spend tier): the spend that says what a customer is worth to this kind
/// of shop now; null for all time. A shop's own setting overrides it.
/// </param>
public sealed record LifecyclePreset(string Key, string English, string Chinese, StateThresholds States, StageThresholds Stages,
    int? MonetaryWindowDays = null);

/// <summary>
/// Defaults per vertical. The numbers follow each vertical's natural purchase cycle: "active" allows about one
/// missed cycle, "dormant" runs to several missed cycles, and "churned" is past the point where a reminder is
/// still a reminder rather than a win-back. They are starting points meant to be tuned per shop; the own-gap
/// rule (on in every preset) adapts to each customer, and these day counts are its fallback for customers with
/// fewer than three purchases. The own-gap rule has floors per vertical (<see cref="OwnGapRule.DormantFloorDays"/>):
/// without them a customer who buys every 2–3 days was "dormant" after five quiet days.
/// </summary>
public static class LifecyclePresets
{
    /// <summary>
    /// General retail, the default when the vertical is unknown: a month to count as new, a quarter as active,
    /// half a year as dormant. Mature after 3 purchases over 3 months; loyal after 8 over a year, bought within
    /// the quarter. Own-gap floors: dormant no sooner than 2 weeks, churned no sooner than 45 days. Monetary over all
    /// time: with no vertical known, nothing says which stretch of history still speaks for the customer.
    /// </summary>
    public static LifecyclePreset General { get; } = new("general", "General retail", "综合零售",
        new StateThresholds(30, 90, 180, OwnGapRule.Default.WithFloors(14, 45)),
        new StageThresholds(3, 90, 8, 365, 90), MonetaryWindowDays: null);

    /// <summary>
    /// Fresh food and groceries: households shop weekly or more often, so time runs in days and weeks. New for
    /// the first 2 weeks, active while bought within 2 weeks (one weekly shop missed), dormant to 2 months,
    /// churned beyond (the household has moved its weekly shop elsewhere). Mature after 6 purchases over a
    /// month (a month of weekly shopping); loyal after 24 over half a year (about weekly), bought within 2 weeks.
    /// Own-gap floors: dormant no sooner than a week (a skipped weekly shop), churned no sooner than 3 weeks.
    /// Monetary over the last 90 days: a dozen weekly shops say what the household spends now; last year's spend may
    /// have moved to another store.
    /// </summary>
    public static LifecyclePreset FreshFood { get; } = new("fresh_food", "Fresh food and grocery", "生鲜商超",
        new StateThresholds(14, 14, 60, OwnGapRule.Default.WithFloors(7, 21)),
        new StageThresholds(6, 30, 24, 180, 14), MonetaryWindowDays: 90);

    /// <summary>
    /// Beauty salons: haircuts, nails and facials recur every 4–6 weeks, so time runs in weeks. New for 6 weeks
    /// (until the first rebooking is due), active within 8 weeks (one cycle with slack), dormant to 17 weeks
    /// (120 days, two or three cycles missed), churned beyond. Mature after 3 visits over 2 months (rebooked twice);
    /// loyal after 8 visits over 9 months, the last within 8 weeks. Dormant from 1.5 × the usual gap and churned
    /// from 3 ×: salon visits are booked at regular intervals, so a missed appointment says more than a missed shop.
    /// Own-gap floors: dormant no sooner than 3 weeks, churned no sooner than 8 weeks (weekly regulars, e.g. blow-dries).
    /// Monetary over the last 180 days: four to six appointments, enough to see a client's usual services.
    /// </summary>
    public static LifecyclePreset BeautySalon { get; } = new("beauty_salon", "Beauty salon", "美容美发",
        new StateThresholds(42, 56, 120, new OwnGapRule(1.5, 3, dormantFloorDays: 21, churnedFloorDays: 56)),
        new StageThresholds(3, 60, 8, 270, 56), MonetaryWindowDays: 180);

    /// <summary>
    /// Apparel: people buy clothes a few times a year as seasons change, so time runs in months. New for 3 months,
    /// active within 6 months (one season change), dormant to a year, churned beyond (a whole cycle of seasons
    /// bought elsewhere). Mature after 3 purchases over half a year (came back across seasons); loyal after 6 over
    /// a year, the last within 6 months. Churned from 3 × the usual gap rather than 4 ×: with gaps of months,
    /// 4 × would keep a lapsed customer "dormant" for well over a year. Own-gap floors: dormant no sooner than a month,
    /// churned no sooner than 3 months. Monetary over the last 365 days: a whole cycle of seasons, so a customer who
    /// buys a winter coat once a year is not ranked on the summer alone.
    /// </summary>
    public static LifecyclePreset Apparel { get; } = new("apparel", "Apparel", "服装",
        new StateThresholds(90, 180, 365, new OwnGapRule(2, 3, dormantFloorDays: 30, churnedFloorDays: 90)),
        new StageThresholds(3, 180, 6, 365, 180), MonetaryWindowDays: 365);

    public static IReadOnlyList<LifecyclePreset> All { get; } = [General, FreshFood, BeautySalon, Apparel];

    public static LifecyclePreset? Find(string key) => All.FirstOrDefault(p => p.Key == key);
}
