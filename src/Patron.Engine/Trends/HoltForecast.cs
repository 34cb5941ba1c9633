namespace Patron.Engine.Trends;

/// <summary>A forecast: the next values, the smoothing constants chosen, and the accuracy on the held-out tail.</summary>
/// <param name="HoldoutWape">Weighted absolute percentage error Σ|actual − forecast| / Σ actual over the holdout,
/// forecasting it from a fit on the weeks before it; null when the series is too short or the holdout sums to zero.</param>
/// <param name="NaiveWape">The same error for the naive forecast (repeat the last value), the baseline to beat.</param>
public sealed record Forecast(double[] Values, double Alpha, double Beta, double? HoldoutWape, double? NaiveWape, double[] HoldoutForecast);

/// <summary>
/// Holt's linear exponential smoothing (Holt 1957; Hyndman &amp; Athanasopoulos, "Forecasting: Principles and Practice",
/// §8.2, additive damped trend with φ = 0.98 so that long horizons flatten): level ℓₜ = α yₜ + (1−α)(ℓₜ₋₁ + φbₜ₋₁),
/// trend bₜ = β(ℓₜ − ℓₜ₋₁) + (1−β)φbₜ₋₁, forecast ŷₜ₊ₕ = ℓₜ + (φ + … + φʰ) bₜ. α and β are chosen on a grid by the
/// smallest sum of squared one-step errors. Forecasts are never negative (sales cannot be).
/// </summary>
public static class HoltForecast
{
    public const double Damping = 0.98;

    public static Forecast Fit(ReadOnlySpan<double> series, int horizon, int holdout)
    {
        if (horizon < 1) throw new ArgumentOutOfRangeException(nameof(horizon));
        if (series.Length == 0) return new Forecast(new double[horizon], 0, 0, null, null, []);
        var (alpha, beta) = Choose(series);
        var values = Project(series, alpha, beta, horizon);
        if (holdout < 1 || series.Length - holdout < 4) return new Forecast(values, alpha, beta, null, null, []);

        var train = series[..^holdout];
        var (a, b) = Choose(train);
        var predicted = Project(train, a, b, holdout);
        var naive = Enumerable.Repeat(train[^1], holdout).ToArray();
        var actual = series[^holdout..];
        return new Forecast(values, alpha, beta, Wape(actual, predicted), Wape(actual, naive), predicted);
    }

    static double? Wape(ReadOnlySpan<double> actual, double[] forecast)
    {
        double error = 0, total = 0;
        for (var i = 0; i < actual.Length; i++) { error += Math.Abs(actual[i] - forecast[i]); total += actual[i]; }
        return total > 0 ? error / total : null;
    }

    static (double Alpha, double Beta) Choose(ReadOnlySpan<double> y)
    {
        var best = (Alpha: 0.5, Beta: 0.1, Sse: double.PositiveInfinity);
        for (var a = 0.05; a <= 0.951; a += 0.05)
            for (var b = 0.0; b <= a + 1e-9; b += 0.05)
            {
                var sse = Run(y, a, b, out _, out _);
                if (sse < best.Sse) best = (a, b, sse);
            }
        return (Math.Round(best.Alpha, 2), Math.Round(best.Beta, 2));
    }

    static double[] Project(ReadOnlySpan<double> y, double alpha, double beta, int horizon)
    {
        Run(y, alpha, beta, out var level, out var trend);
        var values = new double[horizon];
        double phiSum = 0, phi = 1;
        for (var h = 0; h < horizon; h++)
        {
            phi *= Damping;
            phiSum += phi;
            values[h] = Math.Max(0, level + phiSum * trend);
        }
        return values;
    }

    /// <summary>Runs the recursions over the series; returns the one-step SSE and leaves the final level and trend.</summary>
    static double Run(ReadOnlySpan<double> y, double alpha, double beta, out double level, out double trend)
    {
        level = y[0];
        trend = y.Length > 1 ? y[1] - y[0] : 0;
        double sse = 0;
        for (var t = 1; t < y.Length; t++)
        {
            var forecast = level + Damping * trend;
            var e = y[t] - forecast;
            sse += e * e;
            var previous = level;
            level = alpha * y[t] + (1 - alpha) * forecast;
            trend = beta * (level - previous) + (1 - beta) * Damping * trend;
        }
        return sse;
    }
}
