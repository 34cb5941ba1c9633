namespace Patron.Engine.Trends;

/// <summary>One first-purchase month: how many customers it holds and, per month since (0 = the first month, always
/// 100%), the share of them who bought in that month. Months after the last month of data are absent, not zero.</summary>
public sealed record Cohort(int Month, int Customers, double[] Retention);

/// <summary>
/// Cohort retention by first-purchase month, the classic triangle: customers are grouped by the month of their first
/// purchase, and a customer counts as retained in month k when they bought in the k-th month after it. Months are
/// plain integers (e.g. year·12 + month − 1) so that the caller decides the calendar and the time zone.
/// </summary>
public static class CohortRetention
{
    /// <param name="customers">customer numbers 0..customerCount−1, one per purchase.</param>
    /// <param name="months">the month of each purchase.</param>
    /// <param name="lastMonth">the last month with data; later offsets are not reported.</param>
    public static List<Cohort> Compute(ReadOnlySpan<int> customers, ReadOnlySpan<int> months, int customerCount, int lastMonth)
    {
        if (customers.Length != months.Length) throw new ArgumentException("Customers and months must have the same length.");
        var first = new int[customerCount];
        Array.Fill(first, int.MaxValue);
        for (var i = 0; i < customers.Length; i++)
            if (months[i] < first[customers[i]]) first[customers[i]] = months[i];

        // Distinct (customer, offset) pairs: a customer buying twice in a month counts once for it.
        var seen = new HashSet<long>();
        var active = new Dictionary<int, int[]>();
        var sizes = new Dictionary<int, int>();
        for (var c = 0; c < customerCount; c++)
            if (first[c] != int.MaxValue && first[c] <= lastMonth)
                sizes[first[c]] = sizes.GetValueOrDefault(first[c]) + 1;
        foreach (var (cohort, _) in sizes) active[cohort] = new int[lastMonth - cohort + 1];
        for (var i = 0; i < customers.Length; i++)
        {
            var (c, m) = (customers[i], months[i]);
            if (m > lastMonth || first[c] > lastMonth) continue;
            var offset = m - first[c];
            if (seen.Add(((long)c << 20) | (uint)offset)) active[first[c]][offset]++;
        }
        return [.. sizes.OrderBy(s => s.Key).Select(s => new Cohort(s.Key, s.Value, [.. active[s.Key].Select(a => (double)a / s.Value)]))];
    }
}
