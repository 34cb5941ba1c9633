using Patron.Engine.Rfm;

namespace Patron.Engine.Tests.Rfm;

public sealed class RfmAggregationTests
{
    const int No = RfmTransactions.NoOrder;
    static readonly DateOnly AsOf = new(2024, 3, 31);

    static DateOnly D(int month, int day) => new(2024, month, day);

    // Amounts in cents. Hand-computed expectations, as of 2024-03-31:
    //   0: order 1 on 03-01 (1000 + 500), order 2 on 03-20 (2000), return order 3 on 03-25 (-500), order 5 on 03-28
    //      netting to zero (+800 - 800) -> purchases {1, 2} = 2, net 3000, last purchase 03-20 -> 11 days.
    //   1: no order index: 03-10 (300 + 400 + 100), 03-30 (200) -> two purchase days, net 1000, 1 day.
    //   2: one purchase on the as-of day (700) -> 1, 700, 0 days.
    //   3: only a return (-400) -> no purchase, net -400.
    //   4: no lines at all -> no purchase, net 0.
    //   5: 02-01 (1200) and 04-02 (9900, after the as-of day, left out) -> 1, 1200, 59 days (2024 is a leap year).
    //   6: order index 2 again, a different customer's order 2 -> 1, 600, 26 days.
    static (int[] Customer, int[] Order, DateOnly[] Date, long[] Amount) Example() =>
    (
        [0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 3, 5, 5, 6],
        [1, 1, 2, 3, 5, 5, No, No, No, No, 7, 4, 8, 9, 2],
        [D(3, 1), D(3, 1), D(3, 20), D(3, 25), D(3, 28), D(3, 28), D(3, 10), D(3, 10), D(3, 10), D(3, 30), D(3, 31), D(3, 15), D(2, 1), D(4, 2), D(3, 5)],
        [1000, 500, 2000, -500, 800, -800, 300, 400, 100, 200, 700, -400, 1200, 9900, 600]
    );

    static RfmValues Aggregate((int[] Customer, int[] Order, DateOnly[] Date, long[] Amount) t) =>
        RfmAggregation.Aggregate(new RfmTransactions(t.Customer, t.Order, t.Date, t.Amount), 7, AsOf);

    [Fact]
    public void Aggregation_matches_the_hand_computed_example()
    {
        var v = Aggregate(Example());
        const int None = RfmValues.NoPurchase;
        Assert.Equal([11, 1, 0, None, None, 59, 26], v.RecencyDays);
        Assert.Equal([2, 2, 1, 0, 0, 1, 1], v.Frequency);
        Assert.Equal([3000L, 1000, 700, -400, 0, 1200, 600], v.Monetary);
    }

    [Fact]
    public void Aggregation_does_not_depend_on_the_order_of_the_lines()
    {
        var t = Example();
        var expected = Aggregate(t);
        var random = new Random(7);
        for (var round = 0; round < 20; round++)
        {
            var p = Enumerable.Range(0, t.Customer.Length).OrderBy(_ => random.Next()).ToArray();
            var v = Aggregate((p.Select(i => t.Customer[i]).ToArray(), p.Select(i => t.Order[i]).ToArray(),
                p.Select(i => t.Date[i]).ToArray(), p.Select(i => t.Amount[i]).ToArray()));
            Assert.Equal(expected.RecencyDays, v.RecencyDays);
            Assert.Equal(expected.Frequency, v.Frequency);
            Assert.Equal(expected.Monetary, v.Monetary);
        }
    }

    [Fact]
    public void Without_an_order_column_frequency_counts_distinct_purchase_days()
    {
        int[] customer = [0, 0, 0, 0];
        DateOnly[] date = [D(3, 1), D(3, 1), D(3, 2), D(3, 9)];
        long[] amount = [100, 100, 100, -300];
        var v = RfmAggregation.Aggregate(new RfmTransactions(customer, [], date, amount), 1, AsOf);
        // 03-09 is a return day with a negative total: not a purchase, so the last purchase is 03-02.
        Assert.Equal(2, v.Frequency[0]);
        Assert.Equal(0, v.Monetary[0]);
        Assert.Equal(29, v.RecencyDays[0]);
    }

    [Fact]
    public void A_customer_index_outside_the_range_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            RfmAggregation.Aggregate(new RfmTransactions([0, 3], [], [D(3, 1), D(3, 1)], [1, 1]), 3, AsOf));
    }

    [Fact]
    public void Columns_of_different_lengths_are_rejected()
    {
        Assert.Throws<ArgumentException>(() =>
            RfmAggregation.Aggregate(new RfmTransactions([0, 0], [1], [D(3, 1), D(3, 1)], [1, 1]), 1, AsOf));
    }
}
