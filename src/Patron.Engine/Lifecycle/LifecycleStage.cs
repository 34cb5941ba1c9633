namespace Patron.Engine.Lifecycle;

/// <summary>
/// How deep the relationship has grown, from purchase count, tenure and recency. Unlike
/// <see cref="LifecycleState"/> this mostly moves forward: a loyal customer who lapses falls back to mature,
/// never to initial, because the purchases and tenure they built up remain.
/// </summary>
public enum LifecycleStage : byte
{
    Potential,
    Initial,
    Mature,
    Loyal,
}
