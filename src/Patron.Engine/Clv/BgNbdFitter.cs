using Patron.Engine.Numerics;

namespace Patron.Engine.Clv;

/// <summary>
/// Maximum-likelihood BG/NBD fit. The optimiser works on θ = ln(r, α, a, b), which keeps the parameters positive
/// without constraints and makes the surface closer to quadratic. BFGS with the analytic gradient does the work;
/// if it does not converge, Nelder–Mead with restarts takes over from the best point and BFGS polishes the result.
/// </summary>
public static class BgNbdFitter
{
    public static BgNbdFit Fit(BgNbdData data)
    {
        if (data.Customers == 0) throw new ArgumentException("No customers to fit.");
        if (!data.XValues.Any(x => x > 0))
            throw new ArgumentException("No customer made a repeat purchase: the BG/NBD model cannot be fitted.");
        var objective = Objective(data);
        var best = Bfgs.Minimize(objective, StartingValues(data).ToLog());
        // A run that did not converge is restarted from where it stopped with a fresh Hessian approximation (a poor
        // one can stall BFGS); if that fails too, the derivative-free fallback takes over.
        if (!best.Converged) best = Better(best, Bfgs.Minimize(objective, best.Point));
        if (!best.Converged) best = Fallback(objective, best);
        var parameters = BgNbdParameters.FromLog(best.Point);
        return new BgNbdFit(parameters, -best.Value, data.Customers, data.Groups,
            StandardErrors(objective, best.Point), best.Evaluations, best.Converged);
    }

    /// <summary>
    /// Starting values from the data: r = 1 and α such that the mean purchase rate r/α equals the repeat customers'
    /// observed rate Σx / Σt_x; a = 1, b = 3, i.e. a mean drop-out probability of ¼ per purchase, which is the order
    /// of magnitude published fits report (CDNOW: a/(a+b) = 0.25).
    /// </summary>
    internal static BgNbdParameters StartingValues(BgNbdData data)
    {
        double purchases = 0, time = 0;
        for (var i = 0; i < data.Groups; i++)
        {
            var x = data.XValues[data.GroupX[i]];
            if (x == 0) continue;
            purchases += data.GroupCount[i] * x;
            time += data.GroupCount[i] * data.TxValues[data.GroupTx[i]];
        }
        var rate = time > 0 ? purchases / time : 1;
        return new BgNbdParameters(1, 1 / rate, 1, 3);
    }

    /// <summary>−ln L and its gradient in θ = ln p (∂/∂θ = p ∂/∂p), scaled by nothing: the BFGS tolerance is relative.</summary>
    internal static Objective Objective(BgNbdData data) => (theta, gradient) =>
    {
        var p = BgNbdParameters.FromLog(theta);
        var ll = BgNbdLikelihood.LogLikelihood(p, data, gradient);
        gradient[0] *= -p.R; gradient[1] *= -p.Alpha; gradient[2] *= -p.A; gradient[3] *= -p.B;
        return double.IsFinite(ll) ? -ll : double.PositiveInfinity;
    };

    static Minimum Fallback(Objective objective, Minimum failed)
    {
        var gradient = new double[4];
        var simplex = NelderMead.Minimize(theta => objective(theta, gradient), failed.Point);
        var polished = Bfgs.Minimize(objective, simplex.Point);
        var best = Better(Better(failed, simplex), polished);
        return best with { Evaluations = failed.Evaluations + simplex.Evaluations + polished.Evaluations };
    }

    static Minimum Better(Minimum first, Minimum second) =>
        (second.Value <= first.Value ? second : first) with
        {
            Evaluations = first.Evaluations + second.Evaluations,
            Converged = second.Value <= first.Value ? second.Converged || first.Converged : first.Converged,
        };

    static BgNbdParameters? StandardErrors(Objective objective, double[] theta)
    {
        var covariance = Curvature.Inverse(Curvature.Hessian(objective, theta));
        if (covariance is null) return null;
        var se = new double[4];
        for (var i = 0; i < 4; i++)
        {
            if (!(covariance[i, i] > 0)) return null;
            se[i] = Math.Exp(theta[i]) * Math.Sqrt(covariance[i, i]);
        }
        return new BgNbdParameters(se[0], se[1], se[2], se[3]);
    }
}
