namespace Patron.Engine.Tiers;

/// <summary>A customer's tier on one measure, lowest first; the codes are stable and index <see cref="TierNames"/>.</summary>
public enum Tier : byte
{
    Low,
    Medium,
    High,
}

/// <summary>What a tier ranks: each has its own words ("large spenders", not "high spenders").</summary>
public enum TierKind : byte
{
    /// <summary>Purchase count.</summary>
    Frequency,
    /// <summary>Net spend.</summary>
    Spend,
    /// <summary>Customer value: whatever value column the caller ranks by, e.g. predicted lifetime value.</summary>
    Value,
}
