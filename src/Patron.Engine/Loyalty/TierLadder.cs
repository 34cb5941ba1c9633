namespace Patron.Engine.Loyalty;

/// <summary>A rung of the tier ladder: reached when the qualifying measure is at least <see cref="Threshold"/>.</summary>
public sealed record TierRung(Guid TierId, int Rank, long Threshold);

public static class TierLadder
{
    /// <summary>The highest rung whose threshold the measure reaches (thresholds inclusive); null if none.</summary>
    public static TierRung? Qualifying(long measure, IEnumerable<TierRung> rungs) =>
        rungs.Where(r => measure >= r.Threshold).OrderByDescending(r => r.Rank).FirstOrDefault();
}
