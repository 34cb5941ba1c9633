using Patron.Engine.Clv;

namespace Patron.Engine.Tests.Clv;

public sealed class BgNbdModelTests
{
    static readonly BgNbdParameters P = BgNbdGoldenTests.Paper;

    [Fact]
    public void A_customer_without_repeat_purchases_is_alive_by_the_models_convention()
    {
        // Drop-out happens only right after a repeat purchase (Fader, Hardie & Lee 2005, assumption iv), so P(alive | x = 0) = 1.
        Assert.Equal(1, BgNbdModel.ProbabilityAlive(P, 0, 0, 38.86));
        Assert.Equal(1, BgNbdModel.ProbabilityAlive(P, 0, 0, 1000));
    }

    [Fact]
    public void P_alive_matches_a_hand_computed_value()
    {
        // r = α = a = b = 1, x = 1, t_x = 1, T = 2: 1 / (1 + 1/1 · (3/2)²) = 4/13.
        Assert.Equal(4.0 / 13, BgNbdModel.ProbabilityAlive(new(1, 1, 1, 1), 1, 1, 2), 1e-15);
    }

    [Fact]
    public void P_alive_rises_with_recency_and_falls_with_time_since_the_last_purchase()
    {
        var byRecency = new[] { 5.0, 15, 25, 35, 38.86 }.Select(tx => BgNbdModel.ProbabilityAlive(P, 3, tx, 38.86)).ToList();
        Assert.Equal(byRecency.Order(), byRecency);
        var byAge = new[] { 20.0, 30, 50, 80 }.Select(t => BgNbdModel.ProbabilityAlive(P, 3, 20, t)).ToList();
        Assert.Equal(byAge.OrderDescending(), byAge);
        // At the same recency, a frequent buyer who has gone quiet is more likely gone than an infrequent one.
        Assert.True(BgNbdModel.ProbabilityAlive(P, 10, 20, 38.86) < BgNbdModel.ProbabilityAlive(P, 2, 20, 38.86));
    }

    [Fact]
    public void Expected_purchases_grow_with_the_horizon_and_with_recency()
    {
        var byHorizon = new[] { 1.0, 10, 39, 100, 500 }.Select(t => BgNbdModel.ConditionalExpectedPurchases(P, t, 2, 30.43, 38.86)).ToList();
        Assert.Equal(byHorizon.Order(), byHorizon);
        Assert.Equal(0, BgNbdModel.ConditionalExpectedPurchases(P, 0, 2, 30.43, 38.86));
        var byRecency = new[] { 5.0, 20, 38 }.Select(tx => BgNbdModel.ConditionalExpectedPurchases(P, 39, 4, tx, 38.86)).ToList();
        Assert.Equal(byRecency.Order(), byRecency);
        Assert.Equal(BgNbdModel.ConditionalExpectedPurchases(P, 39, 0, 0, 0), BgNbdModel.ExpectedPurchases(P, 39));
    }

    [Theory]
    [InlineData(0, 0, 38.86, 39)]
    [InlineData(2, 30.43, 38.86, 39)]
    [InlineData(7, 35, 38, 200)]
    public void The_conditional_expectation_equals_a_direct_integral_over_the_dropout_probability(int x, double tx, double t, double horizon)
    {
        // Independent route to eq. 10: given alive, λ ~ Gamma(r+x, α+T) and p ~ Beta(a, b+x) independently, and an alive
        // customer buys (1/p)(1 − e^(−λpt)) times in expectation, so E[Y(t)] = P(alive) · E_p[(1/p)(1 − (S/(S+pt))^(r+x))]
        // with S = α + T. The Beta integral is taken by Simpson's rule after p = u^(1/a), which removes the p^(a−1) singularity.
        var s = P.Alpha + t;
        double G(double p) => p < 1e-12 ? (P.R + x) * horizon / s : (1 - Math.Pow(s / (s + p * horizon), P.R + x)) / p;
        const int n = 20_000;
        var sum = 0.0;
        for (var i = 0; i <= n; i++)
        {
            var u = (double)i / n;
            var p = Math.Pow(u, 1 / P.A);
            var weight = i == 0 || i == n ? 1 : i % 2 == 1 ? 4 : 2;
            sum += weight * Math.Pow(1 - p, P.B + x - 1) * G(p);
        }
        var integral = sum / (3 * n) / (P.A * Math.Exp(Patron.Engine.Numerics.SpecialFunctions.LogBeta(P.A, P.B + x)));
        var expected = BgNbdModel.ProbabilityAlive(P, x, tx, t) * integral;
        Assert.Equal(expected, BgNbdModel.ConditionalExpectedPurchases(P, horizon, x, tx, t), expected * 1e-6);
    }

    [Fact]
    public void Expected_purchases_of_a_new_customer_match_the_simulated_mean()
    {
        // Eq. 7 against the model's own generative story: 200,000 customers all observed for 39 weeks. The tolerance is
        // four standard errors of the simulated mean, computed from the sample.
        var (x, _, _) = Simulation.BgNbd(P, 200_000, 39, 39, seed: 7);
        var mean = x.Average();
        var se = Math.Sqrt(x.Select(v => (v - mean) * (v - mean)).Sum() / (x.Length - 1) / x.Length);
        Assert.Equal(BgNbdModel.ExpectedPurchases(P, 39), mean, 4 * se);
    }

    [Fact]
    public void The_median_wait_for_the_next_purchase_splits_the_Lomax_survival_in_half()
    {
        var w = BgNbdModel.MedianTimeToNextPurchase(P, 3, 38.86);
        Assert.Equal(0.5, Math.Pow((P.Alpha + 38.86) / (P.Alpha + 38.86 + w), P.R + 3), 1e-12);
        Assert.True(BgNbdModel.MedianTimeToNextPurchase(P, 0, 38.86) > w, "a one-time buyer waits longer than a repeat buyer");
    }
}
