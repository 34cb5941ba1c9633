namespace Patron.Engine.Lifecycle;

/// <summary>A customer's usual gap between purchases, the yardstick of the relative lifecycle rule.</summary>
public static class PurchaseGaps
{
    /// <summary>
    /// Median of the gaps between consecutive distinct purchase days (day numbers, any order), NaN with fewer
    /// than two distinct days. Days, not orders: two tickets in one visit would add a gap of 0 and pull the
    /// median towards 0, after which any absence at all would read as dormant. The median rather than the mean
    /// so that one long holiday does not stretch what counts as "usual".
    /// </summary>
    public static double Median(ReadOnlySpan<int> purchaseDays)
    {
        var days = purchaseDays.ToArray();
        Array.Sort(days);
        var gaps = new List<int>(days.Length);
        for (var i = 1; i < days.Length; i++)
            if (days[i] != days[i - 1]) gaps.Add(days[i] - days[i - 1]);
        if (gaps.Count == 0) return double.NaN;
        gaps.Sort();
        var mid = gaps.Count / 2;
        return gaps.Count % 2 == 1 ? gaps[mid] : (gaps[mid - 1] + gaps[mid]) / 2.0;
    }
}
