namespace Patron.Engine.Numerics;

/// <summary>The Hessian at a minimum and its inverse: for a negative log-likelihood, the inverse of the observed
/// information, i.e. the asymptotic covariance of the maximum-likelihood estimates.</summary>
public static class Curvature
{
    /// <summary>∂²f by central differences of the analytic gradient (error O(h²)), symmetrised.</summary>
    public static double[,] Hessian(Objective f, double[] x, double h = 1e-5)
    {
        var n = x.Length;
        var hessian = new double[n, n];
        var up = new double[n];
        var down = new double[n];
        for (var j = 0; j < n; j++)
        {
            var xj = (double[])x.Clone();
            xj[j] = x[j] + h; f(xj, up);
            xj[j] = x[j] - h; f(xj, down);
            for (var i = 0; i < n; i++) hessian[i, j] = (up[i] - down[i]) / (2 * h);
        }
        for (var i = 0; i < n; i++)
            for (var j = 0; j < i; j++) hessian[i, j] = hessian[j, i] = (hessian[i, j] + hessian[j, i]) / 2;
        return hessian;
    }

    /// <summary>Gauss–Jordan inverse with partial pivoting; null when the matrix is singular to working precision
    /// (a flat likelihood, e.g. b → ∞ when nobody drops out, has no finite standard errors).</summary>
    public static double[,]? Inverse(double[,] m)
    {
        var n = m.GetLength(0);
        var a = (double[,])m.Clone();
        var inv = new double[n, n];
        for (var i = 0; i < n; i++) inv[i, i] = 1;
        var scale = 0.0;
        foreach (var v in m) scale = Math.Max(scale, Math.Abs(v));
        for (var col = 0; col < n; col++)
        {
            var pivot = col;
            for (var r = col + 1; r < n; r++) if (Math.Abs(a[r, col]) > Math.Abs(a[pivot, col])) pivot = r;
            if (!(Math.Abs(a[pivot, col]) > 1e-13 * scale)) return null;
            for (var c = 0; c < n; c++) { (a[col, c], a[pivot, c]) = (a[pivot, c], a[col, c]); (inv[col, c], inv[pivot, c]) = (inv[pivot, c], inv[col, c]); }
            var p = a[col, col];
            for (var c = 0; c < n; c++) { a[col, c] /= p; inv[col, c] /= p; }
            for (var r = 0; r < n; r++)
            {
                if (r == col || a[r, col] == 0) continue;
                var factor = a[r, col];
                for (var c = 0; c < n; c++) { a[r, c] -= factor * a[col, c]; inv[r, c] -= factor * inv[col, c]; }
            }
        }
        return inv;
    }
}
