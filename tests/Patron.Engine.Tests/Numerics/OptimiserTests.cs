using Patron.Engine.Numerics;

namespace Patron.Engine.Tests.Numerics;

public sealed class OptimiserTests
{
    /// <summary>Rosenbrock's banana: a curved valley that defeats naive descent; minimum 0 at (1, 1).</summary>
    static double Rosenbrock(double[] x, double[] g)
    {
        var (a, b) = (x[0], x[1]);
        g[0] = -2 * (1 - a) - 400 * a * (b - a * a);
        g[1] = 200 * (b - a * a);
        return (1 - a) * (1 - a) + 100 * (b - a * a) * (b - a * a);
    }

    [Fact]
    public void Bfgs_finds_the_minimum_of_the_Rosenbrock_function()
    {
        var m = Bfgs.Minimize(Rosenbrock, [-1.2, 1]);
        Assert.True(m.Converged);
        Assert.Equal(1, m.Point[0], 1e-6);
        Assert.Equal(1, m.Point[1], 1e-6);
    }

    [Fact]
    public void Nelder_Mead_finds_the_minimum_of_the_Rosenbrock_function()
    {
        var g = new double[2];
        var m = NelderMead.Minimize(x => Rosenbrock(x, g), [-1.2, 1]);
        Assert.True(m.Converged);
        Assert.Equal(1, m.Point[0], 1e-5);
        Assert.Equal(1, m.Point[1], 1e-5);
    }

    [Fact]
    public void Nelder_Mead_treats_an_undefined_value_as_uphill()
    {
        // ln is undefined for x ≤ 0; the minimum of x − ln x is at x = 1.
        var m = NelderMead.Minimize(x => x[0] - Math.Log(x[0]), [3.0], step: 5);
        Assert.Equal(1, m.Point[0], 1e-5);
    }

    [Fact]
    public void The_inverse_Hessian_of_a_quadratic_is_the_inverse_of_its_matrix()
    {
        // f = ½ xᵀAx with A = [[4, 1], [1, 3]]: the inverse is [[3, −1], [−1, 4]] / 11.
        static double Quadratic(double[] x, double[] g)
        {
            g[0] = 4 * x[0] + x[1];
            g[1] = x[0] + 3 * x[1];
            return 0.5 * (x[0] * g[0] + x[1] * g[1]);
        }
        var inverse = Curvature.Inverse(Curvature.Hessian(Quadratic, [0.3, -0.2]))!;
        Assert.Equal(3.0 / 11, inverse[0, 0], 1e-9);
        Assert.Equal(-1.0 / 11, inverse[0, 1], 1e-9);
        Assert.Equal(4.0 / 11, inverse[1, 1], 1e-9);
        Assert.Null(Curvature.Inverse(new double[,] { { 1, 2 }, { 2, 4 } }));
    }
}
