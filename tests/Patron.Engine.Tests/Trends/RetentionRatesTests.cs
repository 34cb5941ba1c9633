using Patron.Engine.Trends;

namespace Patron.Engine.Tests.Trends;

public sealed class RetentionRatesTests
{
    static DateOnly D(int month, int day) => new(2026, month, day);

    [Fact]
    public void Active_customers_repurchase_or_cross_into_churn_by_the_window()
    {
        // A buys 15 Jan and 10 Mar; B buys 20 Jan only; C buys 1 Dec 2025 only; D first buys in March.
        IReadOnlyList<DateOnly>[] customers =
        [
            [D(3, 10), D(1, 15)],
            [D(1, 20)],
            [new DateOnly(2025, 12, 1)],
            [D(3, 5)],
        ];

        var rates = RetentionRates.Compute(customers, [D(2, 1), D(3, 1), D(4, 1), D(5, 1)], window: 90);

        // February: A, B, C active (C's 1 Dec is 62 days before 1 Feb); nobody buys; C's 90 days run out on 1 March
        // (28 Feb is day 89, so C is not yet churned at the end of February).
        Assert.Equal((3, 0, 0), (rates[0].Active, rates[0].Repurchased, rates[0].Churned));
        // March: A, B and C active (C had gone 89 days without a purchase on 28 February); A buys again; C reaches
        // 90 days on 1 March and churns.
        Assert.Equal((3, 1, 1), (rates[1].Active, rates[1].Repurchased, rates[1].Churned));
        // April: A, B (70 days since 20 Jan on 31 March) and D, not C; B reaches 90 days without a purchase on 20 April.
        Assert.Equal((3, 0, 1), (rates[2].Active, rates[2].Repurchased, rates[2].Churned));
        Assert.Equal(1 / 3.0, rates[2].ChurnRate!.Value, 12);
        // May: A (10 Mar, 52 days) and D; B is gone.
        Assert.Equal((2, 0, 0), (rates[3].Active, rates[3].Repurchased, rates[3].Churned));
    }

    [Fact]
    public void A_running_month_is_measured_up_to_the_last_day_with_data()
    {
        // 20 January + 90 days is 20 April: on 15 April the customer is active but not yet churned.
        var rates = RetentionRates.Compute([[D(1, 20)]], [D(4, 1)], window: 90, through: D(4, 15));
        var later = RetentionRates.Compute([[D(1, 20)]], [D(4, 1)], window: 90, through: D(4, 20));

        Assert.Equal((1, 0), (rates[0].Active, rates[0].Churned));
        Assert.Equal(1, later[0].Churned);
    }

    [Fact]
    public void A_month_without_active_customers_has_no_rates()
    {
        var rates = RetentionRates.Compute([[D(6, 1)]], [D(1, 1)], window: 30);

        Assert.Equal(0, rates[0].Active);
        Assert.Null(rates[0].RepurchaseRate);
        Assert.Null(rates[0].ChurnRate);
    }
}
