using Patron.Engine.Lifecycle;

namespace Patron.Engine.Tiers;

/// <summary>Display names of every tier of every kind, in the words Chinese retail CRMs use (高频/大额/高价值).</summary>
public static class TierNames
{
    static readonly ClassName[][] Names =
    [
        [
            new("low_frequency", "Low frequency", "低频客户"),
            new("medium_frequency", "Medium frequency", "中频客户"),
            new("high_frequency", "High frequency", "高频客户"),
        ],
        [
            new("small_spend", "Small spenders", "小额客户"),
            new("medium_spend", "Medium spenders", "中额客户"),
            new("large_spend", "Large spenders", "大额客户"),
        ],
        [
            new("low_value", "Low value", "低价值客户"),
            new("medium_value", "Medium value", "中价值客户"),
            new("high_value", "High value", "高价值客户"),
        ],
    ];

    public static ClassName Of(TierKind kind, Tier tier) => Names[(int)kind][(int)tier];

    public static IReadOnlyList<ClassName> All(TierKind kind) => Names[(int)kind];
}
