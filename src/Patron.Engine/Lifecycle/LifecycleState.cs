namespace Patron.Engine.Lifecycle;

/// <summary>
/// Where a customer stands as of one day, judged by how recently they bought. The codes are stable (stored and
/// used as indexes of <see cref="TransitionMatrix"/>), ordered from "never bought" to "gone".
/// </summary>
public enum LifecycleState : byte
{
    /// <summary>Signed up (or otherwise known) but never bought: the "potential" customers.</summary>
    Prospect,
    New,
    Active,
    Dormant,
    Churned,
}
