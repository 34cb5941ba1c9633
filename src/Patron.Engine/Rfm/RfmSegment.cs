namespace Patron.Engine.Rfm;

/// <summary>The usual named RFM segments, best first; see <see cref="RfmSegments"/> for the mapping from scores.</summary>
public enum RfmSegment : byte
{
    Champions,
    Loyal,
    PotentialLoyalists,
    NewCustomers,
    Promising,
    NeedAttention,
    AboutToSleep,
    AtRisk,
    CantLose,
    Hibernating,
    Lost,
}

/// <summary>A segment's stable key (for files and APIs) and its display names.</summary>
public sealed record RfmSegmentInfo(RfmSegment Segment, string Key, string English, string Chinese)
{
    public string Name(bool chinese) => chinese ? Chinese : English;
}
