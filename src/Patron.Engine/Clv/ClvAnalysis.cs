namespace Patron.Engine.Clv;

/// <summary>
/// One customer's predictions: P(alive) and churn risk 1 − P(alive) at the end of calibration, expected purchases
/// over the horizon, the Gamma-Gamma expected transaction value and the CLV (both null without amounts), and the
/// median time to the next purchase if alive (see <see cref="BgNbdModel.MedianTimeToNextPurchase"/>), in the time unit.
/// </summary>
public sealed record CustomerPrediction(int Customer, double ProbabilityAlive, double ExpectedPurchases,
    double? ExpectedValue, double? Clv, double MedianTimeToNextPurchase)
{
    public double ChurnRisk => 1 - ProbabilityAlive;
}

/// <summary>The fits, per-customer predictions and (with a holdout) the calibration/holdout report.
/// GammaGammaExcluded counts repeat customers left out of the spend model because their mean value was not positive.</summary>
public sealed record ClvResult(BgNbdFit BgNbd, GammaGammaFit? GammaGamma, int GammaGammaExcluded,
    IReadOnlyList<CustomerPrediction> Predictions, HoldoutReport? Holdout);

/// <summary>Fits BG/NBD (and Gamma-Gamma when the summaries carry values) and predicts every customer: the whole
/// lifetime-value pipeline after the summaries, so that the CLI and the scheduled refresh run the same code.</summary>
public static class ClvAnalysis
{
    public static ClvResult Run(CalibrationSummaries summaries, ClvTimeUnit unit, ClvSettings settings)
    {
        settings.Validate();
        var customers = summaries.Customers;
        var fit = BgNbdFitter.Fit(BgNbdData.Group([.. customers.Select(c => c.X)], [.. customers.Select(c => c.Tx)], [.. customers.Select(c => c.T)]));
        var p = fit.Parameters;
        var (spend, excluded) = FitSpend(customers);
        var perMonth = LifetimeValue.PeriodsPerMonth(unit);
        var predictions = new CustomerPrediction[customers.Count];
        for (var i = 0; i < predictions.Length; i++)
        {
            var c = customers[i];
            var (discounted, total) = LifetimeValue.ExpectedPurchases(p, c.X, c.Tx, c.T, perMonth, settings);
            double? value = spend is null ? null : GammaGammaModel.ConditionalExpectedValue(spend.Parameters, c.X, c.MeanRepeatValue ?? 0);
            double? clv = value is { } v ? LifetimeValue.Clv(discounted, v, settings) : null;
            predictions[i] = new CustomerPrediction(c.Customer, BgNbdModel.ProbabilityAlive(p, c.X, c.Tx, c.T), total,
                value, clv, BgNbdModel.MedianTimeToNextPurchase(p, c.X, c.T));
        }
        var holdout = summaries.HoldoutLength is { } length ? HoldoutReport.Build(p, customers, length) : null;
        return new ClvResult(fit, spend, excluded, predictions, holdout);
    }

    /// <summary>The Gamma-Gamma fit on customers with x &gt; 0 and a positive mean value (a mean of zero or less,
    /// e.g. from refunds, has no Gamma likelihood); null when the summaries carry no values.</summary>
    static (GammaGammaFit? Fit, int Excluded) FitSpend(IReadOnlyList<CustomerSummary> customers)
    {
        var repeat = customers.Where(c => c.X > 0 && c.MeanRepeatValue is not null).ToList();
        if (repeat.Count == 0) return (null, 0);
        var usable = repeat.Where(c => c.MeanRepeatValue > 0 && double.IsFinite(c.MeanRepeatValue.Value)).ToList();
        var data = new GammaGammaData([.. usable.Select(c => c.X)], [.. usable.Select(c => c.MeanRepeatValue!.Value)]);
        return (GammaGammaFitter.Fit(data), repeat.Count - usable.Count);
    }
}
