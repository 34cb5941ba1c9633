using Patron.Engine.Clv;

namespace Patron.Engine.Tests.Clv;

public sealed class CalibrationSummariesTests
{
    static readonly DateOnly CalibrationEnd = new(2024, 1, 31);

    static CalibrationSummaries Summarise(ClvTimeUnit unit, DateOnly? holdoutEnd = null)
    {
        (int Customer, string Date, double Amount)[] rows =
        [
            (0, "2024-01-15T10:30:00", 30), (0, "2024-01-01", 10), (0, "2024-01-01T18:00:00", 5), (0, "2024-01-08", 20),
            (0, "2024-02-05", 7), (0, "2024-02-05", 8), (0, "2024-04-01", 9),
            (1, "2024-02-02", 50),
            (2, "2024-01-31", 12),
        ];
        return CalibrationSummaries.FromTransactions([.. rows.Select(r => r.Customer)], [.. rows.Select(r => DateTime.Parse(r.Date))],
            [.. rows.Select(r => r.Amount)], 3, new SummaryOptions(CalibrationEnd, unit, holdoutEnd));
    }

    [Fact]
    public void Same_day_purchases_count_once_and_times_are_measured_from_the_first_purchase()
    {
        var s = Summarise(ClvTimeUnit.Week, new DateOnly(2024, 2, 29));
        var first = s.Customers[0];
        // Days 1 (twice), 8, 15 in calibration: two repeat purchases, the last on day 15; T is Jan 1 to Jan 31.
        Assert.Equal(new CustomerSummary(0, 2, 2, 30 / 7.0, 25, 1), first);
        Assert.Equal(new CustomerSummary(2, 0, 0, 0, null, 0), s.Customers[1]);
        Assert.Equal(29 / 7.0, s.HoldoutLength);
    }

    [Fact]
    public void Customers_first_seen_after_calibration_are_left_out_and_counted()
    {
        var s = Summarise(ClvTimeUnit.Day);
        Assert.Equal([0, 2], s.Customers.Select(c => c.Customer));
        Assert.Equal(1, s.FirstSeenAfterCalibration);
        Assert.Equal(30, s.Customers[0].T);
        Assert.Null(s.Customers[0].HoldoutPurchases);
        Assert.Null(s.HoldoutLength);
    }

    [Fact]
    public void Without_amounts_there_is_no_mean_value()
    {
        var s = CalibrationSummaries.FromTransactions([0, 0], [new DateTime(2024, 1, 1), new DateTime(2024, 1, 9)], [], 1,
            new SummaryOptions(CalibrationEnd, ClvTimeUnit.Day));
        Assert.Equal(new CustomerSummary(0, 1, 8, 30, null, null), Assert.Single(s.Customers));
    }

    [Fact]
    public void The_CDNOW_sample_gives_Fader_and_Hardies_summaries()
    {
        var rows = CdnowData.SampleTransactions();
        var s = CalibrationSummaries.FromTransactions([.. rows.Select(r => r.SampleId - 1)], [.. rows.Select(r => r.Date)],
            [.. rows.Select(r => r.Dollars)], 2357, new SummaryOptions(new DateOnly(1997, 9, 30), ClvTimeUnit.Week, new DateOnly(1998, 6, 30)));
        var expected = CdnowData.SummariesWithValues();
        Assert.Equal(2357, s.Customers.Count);
        Assert.Equal(39, s.HoldoutLength);
        Assert.Equal(38.86, s.Customers[0].T, 0.005);    // customer 1: 272 days / 7
        foreach (var (mine, theirs) in s.Customers.Zip(expected))
        {
            Assert.Equal(theirs.Id, mine.Customer + 1);
            Assert.Equal(theirs.X, mine.X);
            Assert.Equal(theirs.Tx, mine.Tx, 0.005);     // the file rounds to two decimals
            Assert.Equal(theirs.T, mine.T, 0.005);
            Assert.Equal(theirs.MeanValue, mine.MeanRepeatValue ?? 0, 0.0051); // 22.345 is printed 22.35
        }
    }
}
