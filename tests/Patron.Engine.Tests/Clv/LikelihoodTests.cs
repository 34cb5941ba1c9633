using Patron.Engine.Clv;

namespace Patron.Engine.Tests.Clv;

public sealed class LikelihoodTests
{
    static double BgNbd(BgNbdParameters p, int x, double tx, double t) =>
        BgNbdLikelihood.LogLikelihood(p, BgNbdData.Group([x], [tx], [t]));

    [Fact]
    public void The_BG_NBD_likelihood_matches_hand_computed_values()
    {
        var ones = new BgNbdParameters(1, 1, 1, 1);
        // x = 0, T = 1: B(1,1)/B(1,1) · Γ(1)·1/(Γ(1)·2) = 1/2.
        Assert.Equal(Math.Log(0.5), BgNbd(ones, 0, 0, 1), 1e-14);
        // x = 1, t_x = 1, T = 2: B(1,2)/B(1,1) · 1/3² + B(2,1)/B(1,1) · 1/2² = 1/18 + 1/8 = 13/72.
        Assert.Equal(Math.Log(13.0 / 72), BgNbd(ones, 1, 1, 2), 1e-14);
        // Eq. 6 term by term in mpmath at the paper's parameters, for Hardie's example customer.
        Assert.Equal(-9.4586063070662712, BgNbd(BgNbdGoldenTests.Paper, 2, 30.43, 38.86), 1e-12);
    }

    [Fact]
    public void Grouping_customers_gives_the_same_likelihood_as_adding_them_up()
    {
        int[] x = [0, 2, 2, 0, 5, 2];
        double[] tx = [0, 3.5, 3.5, 0, 10, 3.5];
        double[] t = [12, 20, 20, 12, 11, 21];
        var data = BgNbdData.Group(x, tx, t);
        Assert.Equal(4, data.Groups);
        Assert.Equal(6, data.Customers);
        var p = BgNbdGoldenTests.Paper;
        var oneByOne = Enumerable.Range(0, x.Length).Sum(i => BgNbd(p, x[i], tx[i], t[i]));
        Assert.Equal(oneByOne, BgNbdLikelihood.LogLikelihood(p, data), 1e-11);
    }

    [Fact]
    public void The_BG_NBD_gradient_matches_finite_differences()
    {
        var data = BgNbdData.Group([0, 1, 3, 7, 2], [0, 2, 9.5, 30, 1], [39, 38, 37, 36, 35]);
        var p = new BgNbdParameters(0.4, 3, 0.9, 2.1);
        var gradient = new double[4];
        BgNbdLikelihood.LogLikelihood(p, data, gradient);
        double[] point = [p.R, p.Alpha, p.A, p.B];
        for (var i = 0; i < 4; i++)
        {
            var h = 1e-6 * point[i];
            var (up, down) = ((double[])point.Clone(), (double[])point.Clone());
            up[i] += h; down[i] -= h;
            var numeric = (BgNbdLikelihood.LogLikelihood(new(up[0], up[1], up[2], up[3]), data)
                - BgNbdLikelihood.LogLikelihood(new(down[0], down[1], down[2], down[3]), data)) / (2 * h);
            Assert.Equal(numeric, gradient[i], Math.Abs(numeric) * 1e-6 + 1e-8);
        }
    }

    [Fact]
    public void The_Gamma_Gamma_likelihood_matches_hand_computed_values()
    {
        // p = 1, q = 2, γ = 1, x = 1, z̄ = 1: Γ(3)/(Γ(1)Γ(2)) · 1² · 1 · 1⁰ / 2³ = 1/4.
        Assert.Equal(Math.Log(0.25), new GammaGammaData([1], [1.0]).LogLikelihood(new(1, 2, 1)), 1e-14);
        // Fader & Hardie 2013 eq. 3 in mpmath for x = 3, z̄ = 41.5 at p = 6.25, q = 3.74, γ = 15.44.
        Assert.Equal(-4.4152267662410144, new GammaGammaData([3], [41.5]).LogLikelihood(new(6.25, 3.74, 15.44)), 1e-12);
    }

    [Fact]
    public void The_Gamma_Gamma_gradient_matches_finite_differences()
    {
        var data = new GammaGammaData([1, 2, 2, 5, 9], [12.0, 30, 18.5, 22, 41]);
        var p = new GammaGammaParameters(4, 3, 12);
        var gradient = new double[3];
        data.LogLikelihood(p, gradient);
        double[] point = [p.P, p.Q, p.Gamma];
        for (var i = 0; i < 3; i++)
        {
            var h = 1e-6 * point[i];
            var (up, down) = ((double[])point.Clone(), (double[])point.Clone());
            up[i] += h; down[i] -= h;
            var numeric = (data.LogLikelihood(new(up[0], up[1], up[2])) - data.LogLikelihood(new(down[0], down[1], down[2]))) / (2 * h);
            Assert.Equal(numeric, gradient[i], Math.Abs(numeric) * 1e-6 + 1e-8);
        }
    }

    [Fact]
    public void Impossible_summaries_are_refused()
    {
        Assert.Throws<ArgumentException>(() => BgNbdData.Group([2], [5], [4]));
        Assert.Throws<ArgumentException>(() => BgNbdData.Group([-1], [0], [4]));
        Assert.Throws<ArgumentException>(() => new GammaGammaData([0], [10.0]));
        Assert.Throws<ArgumentException>(() => new GammaGammaData([2], [-3.0]));
        Assert.Throws<ArgumentException>(() => BgNbdFitter.Fit(BgNbdData.Group([0, 0], [0, 0], [5, 6])));
    }
}
