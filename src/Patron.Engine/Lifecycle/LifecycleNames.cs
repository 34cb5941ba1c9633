namespace Patron.Engine.Lifecycle;

/// <summary>A class's stable key (for files, APIs and segment rules) and its display names.</summary>
public sealed record ClassName(string Key, string English, string Chinese)
{
    public string Name(bool chinese) => chinese ? Chinese : English;
}

/// <summary>Names of states and stages, indexed by their codes.</summary>
public static class LifecycleNames
{
    /// <summary>The Chinese names are the ones retail CRMs in China show (新客户/活跃/沉睡/流失).</summary>
    public static IReadOnlyList<ClassName> States { get; } =
    [
        new("prospect", "Prospect", "潜在客户"),
        new("new", "New", "新客户"),
        new("active", "Active", "活跃客户"),
        new("dormant", "Dormant", "沉睡客户"),
        new("churned", "Churned", "流失客户"),
    ];

    /// <summary>The four stages of the customer-lifecycle model taught in Chinese CRM texts (潜在期/初始期/成熟期/忠诚期).</summary>
    public static IReadOnlyList<ClassName> Stages { get; } =
    [
        new("potential", "Potential", "潜在期"),
        new("initial", "Initial", "初始期"),
        new("mature", "Mature", "成熟期"),
        new("loyal", "Loyal", "忠诚期"),
    ];

    public static ClassName Of(LifecycleState state) => States[(int)state];

    public static ClassName Of(LifecycleStage stage) => Stages[(int)stage];
}
