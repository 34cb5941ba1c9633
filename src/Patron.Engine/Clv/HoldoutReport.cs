namespace Patron.Engine.Clv;

/// <summary>Customers with a calibration frequency x in [MinX, MaxX] (MaxX null: and above), their actual purchases in
/// the holdout and the sum of their conditional expectations E[Y(t) | x, t_x, T] for the holdout length t.</summary>
public sealed record HoldoutBucket(int MinX, int? MaxX, int Customers, double Actual, double Predicted)
{
    public string Label => MaxX == MinX ? $"{MinX}" : MaxX is null ? $"{MinX}+" : $"{MinX}-{MaxX}";
}

/// <summary>
/// The calibration/holdout check of Fader, Hardie &amp; Lee (2005, section 4, figure 4): predicted against actual repeat
/// purchases in the holdout per calibration frequency, and in total.
/// </summary>
public sealed record HoldoutReport(double Length, IReadOnlyList<HoldoutBucket> Buckets, HoldoutBucket Total)
{
    public static HoldoutReport Build(BgNbdParameters p, IReadOnlyList<CustomerSummary> customers, double length, int openBucket = 7)
    {
        var count = new int[openBucket + 1];
        var actual = new double[openBucket + 1];
        var predicted = new double[openBucket + 1];
        foreach (var c in customers)
        {
            var k = Math.Min(c.X, openBucket);
            count[k]++;
            actual[k] += c.HoldoutPurchases ?? throw new ArgumentException($"Customer {c.Customer} has no holdout count.");
            predicted[k] += BgNbdModel.ConditionalExpectedPurchases(p, length, c.X, c.Tx, c.T);
        }
        var buckets = Enumerable.Range(0, openBucket + 1)
            .Select(k => new HoldoutBucket(k, k == openBucket ? null : k, count[k], actual[k], predicted[k])).ToList();
        var total = new HoldoutBucket(0, null, customers.Count, actual.Sum(), predicted.Sum());
        return new HoldoutReport(length, buckets, total);
    }
}
