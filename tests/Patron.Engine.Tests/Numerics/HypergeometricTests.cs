using Patron.Engine.Numerics;

namespace Patron.Engine.Tests.Numerics;

/// <summary>₂F₁ against closed forms (Abramowitz &amp; Stegun 15.1.3–15.1.8).</summary>
public sealed class HypergeometricTests
{
    [Theory]
    [InlineData(0.3)]
    [InlineData(0.75)]
    [InlineData(0.99)]
    [InlineData(0.999)]
    [InlineData(-0.3)]
    [InlineData(-0.9)]
    public void F_1_1_2_z_is_minus_log_of_1_minus_z_over_z(double z) =>
        Assert.Equal(-Math.Log(1 - z) / z, Hypergeometric.Hyp2F1(1, 1, 2, z), 1e-12);

    [Theory]
    [InlineData(0.243, 0.5)]
    [InlineData(2.5, 0.9)]
    [InlineData(1.7, -0.8)]
    public void F_a_b_b_z_is_a_power_of_1_minus_z(double a, double z) =>
        Assert.Equal(Math.Pow(1 - z, -a), Hypergeometric.Hyp2F1(a, 3.3, 3.3, z), Math.Pow(1 - z, -a) * 1e-13);

    [Theory]
    [InlineData(0.4)]
    [InlineData(0.95)]
    public void F_half_half_three_halves_z_squared_is_arcsin_z_over_z(double z) =>
        Assert.Equal(Math.Asin(z) / z, Hypergeometric.Hyp2F1(0.5, 0.5, 1.5, z * z), 1e-12);

    [Fact]
    public void A_polynomial_case_terminates()
    {
        // ₂F₁(−2, b; c; z) = 1 − 2bz/c + b(b+1)z²/(c(c+1)).
        double b = 1.5, c = 2.5, z = 0.7;
        Assert.Equal(1 - 2 * b * z / c + b * (b + 1) * z * z / (c * (c + 1)), Hypergeometric.Hyp2F1(-2, b, c, z), 1e-14);
    }

    [Theory]
    [InlineData(2.243, 4.426, 4.219, 0.4705, 4.5031404439574815)]     // x = 2 with the CDNOW parameters, t = 39 weeks
    [InlineData(5.243, 7.426, 7.219, 0.995, 3237015779993.2817)]      // close to z = 1, where the terms fall slowly
    [InlineData(0.243, -0.207, 2.219, -0.8, 1.0163379790437358)]      // z < −½: through the Pfaff transformation
    public void The_BG_NBD_arguments_agree_with_mpmath(double a, double b, double c, double z, double expected) =>
        Assert.Equal(expected, Hypergeometric.Hyp2F1(a, b, c, z), expected * 1e-12);

    [Fact]
    public void Arguments_outside_the_unit_disc_and_poles_of_c_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Hypergeometric.Hyp2F1(1, 1, 2, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Hypergeometric.Hyp2F1(1, 1, 2, -1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => Hypergeometric.Hyp2F1(1, 1, -2, 0.5));
    }
}
