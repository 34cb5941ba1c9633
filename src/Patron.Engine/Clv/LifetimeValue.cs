namespace Patron.Engine.Clv;

/// <summary>The CLV horizon and money terms: months ahead, a monthly discount rate, and the margin on revenue.</summary>
public sealed record ClvSettings(int HorizonMonths = 12, double MonthlyDiscountRate = 0.01, double Margin = 1.0)
{
    public void Validate()
    {
        if (HorizonMonths is < 1 or > 1200) throw new ArgumentException("The horizon must be 1 to 1200 months.");
        if (!(MonthlyDiscountRate >= 0) || MonthlyDiscountRate >= 1) throw new ArgumentException("The monthly discount rate must be in [0, 1).");
        if (!(Margin > 0) || Margin > 1) throw new ArgumentException("The margin must be in (0, 1].");
    }
}

/// <summary>
/// Customer lifetime value over a horizon of H months, as lifetimes' customer_lifetime_value computes it:
///   CLV = margin · E[Z] · Σₘ₌₁..H (E[Y(m·f)] − E[Y((m−1)·f)]) / (1 + d)^m,
/// where E[Y(t)] is the BG/NBD conditional expectation (eq. 10) from the end of calibration, f the length of a month
/// in the data's time unit, d the monthly discount rate and E[Z] the Gamma-Gamma expected transaction value. Each
/// month's expected purchases are discounted at that month's end. Unlike lifetimes (which takes 4.345 weeks or 30
/// days) a month here is 365.25/12 days.
/// </summary>
public static class LifetimeValue
{
    public const double DaysPerMonth = 365.25 / 12;

    public static double PeriodsPerMonth(ClvTimeUnit unit) => DaysPerMonth / (int)unit;

    /// <summary>The discounted expected purchases Σ ΔE[Y]/(1+d)^m (multiply by margin · E[Z] for the CLV) and the
    /// undiscounted expected purchases over the whole horizon, E[Y(H·f)].</summary>
    public static (double Discounted, double Total) ExpectedPurchases(
        BgNbdParameters p, int x, double tx, double tCal, double periodsPerMonth, ClvSettings settings)
    {
        double previous = 0, discounted = 0;
        for (var m = 1; m <= settings.HorizonMonths; m++)
        {
            var cumulative = BgNbdModel.ConditionalExpectedPurchases(p, m * periodsPerMonth, x, tx, tCal);
            discounted += (cumulative - previous) / Math.Pow(1 + settings.MonthlyDiscountRate, m);
            previous = cumulative;
        }
        return (discounted, previous);
    }

    public static double Clv(double discountedPurchases, double expectedValue, ClvSettings settings) =>
        settings.Margin * expectedValue * discountedPurchases;
}
