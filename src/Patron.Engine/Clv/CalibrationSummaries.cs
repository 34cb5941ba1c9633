namespace Patron.Engine.Clv;

/// <summary>
/// One customer's history in the model's terms, times in the chosen unit counted from the first purchase:
/// X repeat purchases up to the end of calibration, Tx the time of the last of them (0 when X = 0), T the time to the
/// end of calibration, the mean value of the repeat purchases (null without amounts or when X = 0) and, with a
/// holdout, the number of purchases in it.
/// </summary>
public sealed record CustomerSummary(int Customer, int X, double Tx, double T, double? MeanRepeatValue, int? HoldoutPurchases);

/// <param name="CalibrationEnd">the last day of calibration, included.</param>
/// <param name="HoldoutEnd">the last day of the holdout, included; the holdout starts the day after calibration.</param>
public sealed record SummaryOptions(DateOnly CalibrationEnd, ClvTimeUnit Unit, DateOnly? HoldoutEnd = null);

/// <summary>The summaries of the customers whose first purchase falls in calibration (the cohort the model describes),
/// how many were first seen after it (left out), and the holdout length in the time unit.</summary>
public sealed record CalibrationSummaries(IReadOnlyList<CustomerSummary> Customers, int FirstSeenAfterCalibration, double? HoldoutLength)
{
    /// <summary>
    /// Summarises transactions given as parallel arrays: customer numbers 0..customerCount−1, dates (the time of day is
    /// ignored: purchases of a customer on the same day count as one, their amounts added up, as Fader and Hardie do for
    /// CDNOW) and amounts (empty for none). Purchases after the holdout end, or after calibration without a holdout,
    /// are ignored.
    /// </summary>
    public static CalibrationSummaries FromTransactions(ReadOnlySpan<int> customers, ReadOnlySpan<DateTime> dates,
        ReadOnlySpan<double> amounts, int customerCount, SummaryOptions options)
    {
        if (dates.Length != customers.Length || (amounts.Length != 0 && amounts.Length != customers.Length))
            throw new ArgumentException("Customers, dates and amounts must have the same length.");
        if (options.HoldoutEnd <= options.CalibrationEnd) throw new ArgumentException("The holdout must end after calibration.");
        var (start, days, values) = ByCustomer(customers, dates, amounts, customerCount);
        var calibrationEnd = options.CalibrationEnd.DayNumber;
        var holdoutEnd = options.HoldoutEnd?.DayNumber;
        double unit = (int)options.Unit;
        var summaries = new List<CustomerSummary>();
        var late = 0;
        for (var c = 0; c < customerCount; c++)
        {
            if (start[c] == start[c + 1]) continue;
            var first = days[start[c]];
            if (first > calibrationEnd) { late++; continue; }
            int x = 0, last = first, holdout = 0;
            double valueSum = 0;
            for (var i = start[c]; i < start[c + 1];)
            {
                var day = days[i];
                var dayTotal = 0.0;
                for (; i < start[c + 1] && days[i] == day; i++) dayTotal += values.Length > 0 ? values[i] : 0;
                if (day == first) continue;
                if (day <= calibrationEnd) { x++; last = day; valueSum += dayTotal; }
                else if (day <= holdoutEnd) holdout++;
            }
            double? mean = values.Length > 0 && x > 0 ? valueSum / x : null;
            summaries.Add(new CustomerSummary(c, x, (last - first) / unit, (calibrationEnd - first) / unit, mean,
                holdoutEnd is null ? null : holdout));
        }
        double? holdoutLength = holdoutEnd is { } h ? (h - calibrationEnd) / unit : null;
        return new CalibrationSummaries(summaries, late, holdoutLength);
    }

    /// <summary>A counting sort by customer, then by day within each customer: O(n) plus small sorts.</summary>
    static (int[] Start, int[] Days, double[] Values) ByCustomer(ReadOnlySpan<int> customers, ReadOnlySpan<DateTime> dates,
        ReadOnlySpan<double> amounts, int customerCount)
    {
        var start = new int[customerCount + 1];
        foreach (var c in customers)
        {
            if ((uint)c >= (uint)customerCount) throw new ArgumentException($"Customer number {c} is outside 0..{customerCount - 1}.");
            start[c + 1]++;
        }
        for (var c = 0; c < customerCount; c++) start[c + 1] += start[c];
        var next = start[..^1];
        var days = new int[customers.Length];
        var values = new double[amounts.Length];
        for (var i = 0; i < customers.Length; i++)
        {
            var at = next[customers[i]]++;
            days[at] = DateOnly.FromDateTime(dates[i]).DayNumber;
            if (values.Length > 0) values[at] = amounts[i];
        }
        for (var c = 0; c < customerCount; c++)
            if (values.Length > 0) Array.Sort(days, values, start[c], start[c + 1] - start[c]);
            else Array.Sort(days, start[c], start[c + 1] - start[c]);
        return (start, days, values);
    }
}
