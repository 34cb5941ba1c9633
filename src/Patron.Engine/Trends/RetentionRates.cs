namespace Patron.Engine.Trends;

/// <summary>
/// One month of a group's retention: <see cref="Active"/> customers had bought in the <c>window</c> days before the
/// month began; of them, <see cref="Repurchased"/> bought again during the month, and <see cref="Churned"/> reached
/// the month's end with no purchase in the last <c>window</c> days (they crossed the line into churned).
/// </summary>
public sealed record MonthRetention(DateOnly Month, int Active, int Repurchased, int Churned)
{
    public double? RepurchaseRate => Active == 0 ? null : (double)Repurchased / Active;

    public double? ChurnRate => Active == 0 ? null : (double)Churned / Active;
}

/// <summary>Repurchase and churn rates per calendar month for a group of customers, from their purchase days.</summary>
public static class RetentionRates
{
    /// <param name="purchaseDays">each customer's purchase days, in any order.</param>
    /// <param name="months">the first days of the months to report, ascending.</param>
    /// <param name="window">days without a purchase after which a customer counts as churned (e.g. 90).</param>
    /// <param name="through">the last day with data: a month that is still running is measured up to it, so that
    /// nobody is counted as churned on a day that has not come yet.</param>
    public static List<MonthRetention> Compute(IEnumerable<IReadOnlyList<DateOnly>> purchaseDays, IReadOnlyList<DateOnly> months, int window,
        DateOnly? through = null)
    {
        if (window < 1) throw new ArgumentOutOfRangeException(nameof(window));
        var active = new int[months.Count];
        var repurchased = new int[months.Count];
        var churned = new int[months.Count];
        foreach (var customer in purchaseDays)
        {
            var days = customer.Select(d => d.DayNumber).Order().ToArray();
            for (var m = 0; m < months.Count; m++)
            {
                var start = months[m].DayNumber;
                var end = Math.Min(months[m].AddMonths(1).DayNumber, (through ?? DateOnly.MaxValue.AddDays(-1)).DayNumber + 1);   // exclusive
                var before = LastBefore(days, start);                   // last purchase before the month
                if (before is null || start - before.Value > window) continue;
                active[m]++;
                var last = LastBefore(days, end)!.Value;                 // last purchase up to the month's end
                if (last >= start) repurchased[m]++;
                if (end - 1 - last >= window) churned[m]++;
            }
        }
        return [.. months.Select((month, m) => new MonthRetention(month, active[m], repurchased[m], churned[m]))];
    }

    /// <summary>The latest day strictly before <paramref name="limit"/>, or null.</summary>
    static int? LastBefore(int[] ascending, int limit)
    {
        var i = Array.BinarySearch(ascending, limit);
        if (i < 0) i = ~i;
        else while (i > 0 && ascending[i - 1] == limit) i--;
        return i == 0 ? null : ascending[i - 1];
    }
}
