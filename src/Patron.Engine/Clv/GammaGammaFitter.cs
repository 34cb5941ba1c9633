using Patron.Engine.Numerics;

namespace Patron.Engine.Clv;

/// <summary>Maximum-likelihood Gamma-Gamma fit on θ = ln(p, q, γ), the same BFGS-then-Nelder–Mead scheme as the BG/NBD.</summary>
public static class GammaGammaFitter
{
    public static GammaGammaFit Fit(GammaGammaData data)
    {
        if (data.Customers < 2) throw new ArgumentException("The Gamma-Gamma model needs at least two customers with repeat purchases.");
        Objective objective = (theta, gradient) =>
        {
            var p = GammaGammaParameters.FromLog(theta);
            var ll = data.LogLikelihood(p, gradient);
            gradient[0] *= -p.P; gradient[1] *= -p.Q; gradient[2] *= -p.Gamma;
            return double.IsFinite(ll) ? -ll : double.PositiveInfinity;
        };
        var best = Bfgs.Minimize(objective, StartingValues(data).ToLog());
        if (!best.Converged)
        {
            var gradient = new double[3];
            var simplex = NelderMead.Minimize(theta => objective(theta, gradient), best.Point);
            var polished = Bfgs.Minimize(objective, simplex.Point);
            var evaluations = best.Evaluations + simplex.Evaluations + polished.Evaluations;
            best = (polished.Value <= simplex.Value ? polished : simplex) with { Evaluations = evaluations };
        }
        var theta = best.Point;
        return new GammaGammaFit(GammaGammaParameters.FromLog(theta), -best.Value, data.Customers,
            StandardErrors(objective, theta), best.Evaluations, best.Converged, Correlation(data.X, data.MeanValue));
    }

    /// <summary>p = 1 (exponential transaction values), q = 2 and γ chosen so that the population mean pγ/(q−1)
    /// equals the observed mean of z̄.</summary>
    static GammaGammaParameters StartingValues(GammaGammaData data) => new(1, 2, data.MeanValue.Average());

    /// <summary>Pearson's r between x and z̄: 0 when either does not vary.</summary>
    public static double Correlation(IReadOnlyList<int> x, IReadOnlyList<double> z)
    {
        var n = x.Count;
        double mx = x.Average(), mz = z.Average(), sxz = 0, sxx = 0, szz = 0;
        for (var i = 0; i < n; i++)
        {
            var (dx, dz) = (x[i] - mx, z[i] - mz);
            sxz += dx * dz; sxx += dx * dx; szz += dz * dz;
        }
        return sxx > 0 && szz > 0 ? sxz / Math.Sqrt(sxx * szz) : 0;
    }

    static GammaGammaParameters? StandardErrors(Objective objective, double[] theta)
    {
        var covariance = Curvature.Inverse(Curvature.Hessian(objective, theta));
        if (covariance is null || !(covariance[0, 0] > 0 && covariance[1, 1] > 0 && covariance[2, 2] > 0)) return null;
        return new GammaGammaParameters(Math.Exp(theta[0]) * Math.Sqrt(covariance[0, 0]),
            Math.Exp(theta[1]) * Math.Sqrt(covariance[1, 1]), Math.Exp(theta[2]) * Math.Sqrt(covariance[2, 2]));
    }
}
