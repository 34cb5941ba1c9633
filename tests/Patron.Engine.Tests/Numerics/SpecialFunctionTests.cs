using Patron.Engine.Numerics;

namespace Patron.Engine.Tests.Numerics;

/// <summary>Reference values from mpmath at 30 digits.</summary>
public sealed class SpecialFunctionTests
{
    const double EulerGamma = 0.57721566490153286;

    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 0)]
    [InlineData(0.5, 0.57236494292470008)]            // ln √π
    [InlineData(10, 12.801827480081469)]              // ln 9!
    [InlineData(100, 359.13420536957540)]             // ln 99!
    [InlineData(0.01, 4.5994798780420219)]
    [InlineData(1e-8, 18.420680738180209)]            // ≈ −ln x − γ x
    public void Log_gamma_matches_known_values(double x, double expected) =>
        Assert.Equal(expected, SpecialFunctions.LogGamma(x), Math.Max(1e-13, Math.Abs(expected) * 2e-15));

    [Theory]
    [InlineData(1, -EulerGamma)]
    [InlineData(0.5, -EulerGamma - 1.3862943611198906)] // −γ − 2 ln 2
    [InlineData(10, 2.2517525890667211)]
    [InlineData(0.25, -4.2274535333762654)]
    [InlineData(1000, 6.9072551956488121)]
    public void Digamma_matches_known_values(double x, double expected) =>
        Assert.Equal(expected, SpecialFunctions.Digamma(x), 1e-13);

    [Fact]
    public void Digamma_is_the_derivative_of_log_gamma()
    {
        foreach (var x in new[] { 0.3, 1.7, 4.2, 33.0 })
        {
            var h = 1e-5 * x;
            var numeric = (SpecialFunctions.LogGamma(x + h) - SpecialFunctions.LogGamma(x - h)) / (2 * h);
            Assert.Equal(numeric, SpecialFunctions.Digamma(x), 1e-8);
        }
    }

    [Fact]
    public void Log_beta_is_the_log_of_the_beta_function()
    {
        // B(2, 3) = 1!·2!/4! = 1/12.
        Assert.Equal(Math.Log(1.0 / 12), SpecialFunctions.LogBeta(2, 3), 1e-14);
    }
}
