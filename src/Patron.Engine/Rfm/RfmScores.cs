namespace Patron.Engine.Rfm;

/// <summary>Scores 1–5 and the named segment per customer index, parallel to the <see cref="RfmValues"/> they came from.</summary>
public sealed record RfmScores(byte[] R, byte[] F, byte[] M, RfmSegment[] Segment)
{
    /// <summary>Scores each dimension on its scale (recency: fewer days is better) and names the segment.</summary>
    public static RfmScores From(RfmValues values, RfmScale recency, RfmScale frequency, RfmScale monetary)
    {
        var r = RfmScoring.Score<int>(values.RecencyDays, recency, lowerIsBetter: true);
        var f = RfmScoring.Score<int>(values.Frequency, frequency, lowerIsBetter: false);
        var m = RfmScoring.Score<long>(values.Monetary, monetary, lowerIsBetter: false);
        var segment = new RfmSegment[values.Count];
        for (var i = 0; i < segment.Length; i++) segment[i] = RfmSegments.Of(r[i], f[i], m[i]);
        return new RfmScores(r, f, m, segment);
    }

    /// <summary>All three dimensions by quintiles, the default.</summary>
    public static RfmScores ByQuintiles(RfmValues values) =>
        From(values, RfmScale.Quintiles, RfmScale.Quintiles, RfmScale.Quintiles);
}
