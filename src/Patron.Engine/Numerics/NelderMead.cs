namespace Patron.Engine.Numerics;

/// <summary>
/// Nelder–Mead downhill simplex (Nelder &amp; Mead 1965; coefficients 1, 2, ½, ½ as in Lagarias et al. 1998), with restarts:
/// a converged simplex is rebuilt around its best vertex and run again until a restart gains nothing, because a
/// collapsed simplex can stall away from the optimum. Needs no gradient, so it is the fallback when BFGS fails.
/// Non-finite values count as +∞, so an objective may return NaN outside its domain.
/// </summary>
public static class NelderMead
{
    public static Minimum Minimize(Func<double[], double> f, double[] start, double step = 0.5,
        double tolerance = 1e-12, int maxEvaluations = 20_000, int maxRestarts = 5)
    {
        var evaluations = 0;
        double F(double[] x) { evaluations++; var v = f(x); return double.IsFinite(v) ? v : double.PositiveInfinity; }
        var best = (double[])start.Clone();
        var bestValue = F(best);
        var converged = false;
        for (var restart = 0; restart <= maxRestarts && evaluations < maxEvaluations; restart++)
        {
            var (point, value, ok) = Run(F, best, step, tolerance, maxEvaluations, () => evaluations);
            var gain = bestValue - value;
            if (value <= bestValue) { best = point; bestValue = value; }
            converged = ok;
            if (ok && gain <= tolerance * (Math.Abs(bestValue) + tolerance)) break;
        }
        return new Minimum(best, bestValue, evaluations, converged);
    }

    static (double[] Point, double Value, bool Converged) Run(Func<double[], double> f, double[] start, double step,
        double tolerance, int maxEvaluations, Func<int> evaluations)
    {
        var n = start.Length;
        var simplex = new double[n + 1][];
        var values = new double[n + 1];
        for (var i = 0; i <= n; i++)
        {
            simplex[i] = (double[])start.Clone();
            if (i > 0) simplex[i][i - 1] += step;
            values[i] = f(simplex[i]);
        }
        while (evaluations() < maxEvaluations)
        {
            Array.Sort(values, simplex);
            if (values[n] - values[0] <= tolerance * (Math.Abs(values[0]) + tolerance) && Size(simplex) <= 1e-9)
                return (simplex[0], values[0], true);
            var centroid = new double[n];
            for (var i = 0; i < n; i++) for (var j = 0; j < n; j++) centroid[j] += simplex[i][j] / n;
            var reflected = Along(centroid, simplex[n], -1);
            var fr = f(reflected);
            if (fr < values[0])
            {
                var expanded = Along(centroid, simplex[n], -2);
                var fe = f(expanded);
                (simplex[n], values[n]) = fe < fr ? (expanded, fe) : (reflected, fr);
            }
            else if (fr < values[n - 1]) (simplex[n], values[n]) = (reflected, fr);
            else
            {
                // Outside contraction when the reflection helped a little, inside contraction otherwise.
                var contracted = fr < values[n] ? Along(centroid, simplex[n], -0.5) : Along(centroid, simplex[n], 0.5);
                var fc = f(contracted);
                if (fc < Math.Min(fr, values[n])) (simplex[n], values[n]) = (contracted, fc);
                else
                    for (var i = 1; i <= n; i++)
                    {
                        simplex[i] = Along(simplex[0], simplex[i], 0.5);
                        values[i] = f(simplex[i]);
                    }
            }
        }
        Array.Sort(values, simplex);
        return (simplex[0], values[0], false);
    }

    /// <summary>centroid + t (vertex − centroid).</summary>
    static double[] Along(double[] centroid, double[] vertex, double t)
    {
        var x = new double[centroid.Length];
        for (var j = 0; j < x.Length; j++) x[j] = centroid[j] + t * (vertex[j] - centroid[j]);
        return x;
    }

    static double Size(double[][] simplex)
    {
        var size = 0.0;
        for (var i = 1; i < simplex.Length; i++)
            for (var j = 0; j < simplex[0].Length; j++) size = Math.Max(size, Math.Abs(simplex[i][j] - simplex[0][j]));
        return size;
    }
}
