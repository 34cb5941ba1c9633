using Patron.Engine.Segments;

namespace Patron.Engine.Features;

/// <summary>
/// The store's columns as a <see cref="FeatureTable"/> for the segment compiler, plus the mask of positions that hold a
/// customer (the table covers the store's whole capacity). Valid while <see cref="FeatureStore.Version"/> is unchanged;
/// values updated in place are seen by segments compiled against it.
/// </summary>
public sealed class FeatureSnapshot(FeatureTable table, Bitset live, int version)
{
    public FeatureTable Table { get; } = table;

    public Bitset Live { get; } = live;

    public int Version { get; } = version;

    /// <summary>Members of a compiled segment, restricted to real customers.</summary>
    public Bitset Members(CompiledSegment segment, DateOnly asOf)
    {
        var members = segment.Evaluate(asOf);
        members.AndWith(Live);
        return members;
    }

    public int Count(CompiledSegment segment, DateOnly asOf) => Members(segment, asOf).PopCount();
}
