using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Patron.Commerce.Contracts;
using Patron.Engine.Clv;
using Patron.Platform;
using Patron.Platform.Bulk;

namespace Patron.Analytics.Predictions;

/// <summary>What a refresh did: the run it stored, or why it stored none.</summary>
public sealed record PredictionRefresh(PredictionRun? Run, int BuyingCustomers, string? Skipped);

/// <summary>
/// Fits BG/NBD and Gamma-Gamma on every known customer's purchase history up to today (local days; same-day purchases
/// count as one, as in the CLI and the papers) and replaces the stored per-customer predictions in one transaction,
/// so that pages never see half a refresh. The history streams from the database; what is held is three numbers per
/// purchase and one summary per customer.
/// </summary>
public sealed class RefreshPredictionsHandler(PatronDb db, SalesHistory history, TimeProvider clock,
    IOptions<PatronOptions> patron, IOptions<PredictionOptions> options)
{
    public async Task<PredictionRefresh> HandleAsync(CancellationToken ct = default)
    {
        var started = clock.GetTimestamp();
        var o = options.Value;
        var days = new LocalDays(clock.GetUtcNow().UtcDateTime, patron.Value.FindZone());
        var (ids, customers, dates, amounts) = await ReadAsync(days, ct);
        if (ids.Count < o.MinimumCustomers)
            return new PredictionRefresh(null, ids.Count, $"{ids.Count} customers have bought; at least {o.MinimumCustomers} are needed for a fit.");

        var summaries = CalibrationSummaries.FromTransactions([.. customers], [.. dates], [.. amounts], ids.Count,
            new SummaryOptions(days.Today, ClvTimeUnit.Day));
        var settings = new ClvSettings(o.HorizonMonths, o.MonthlyDiscountRate, o.Margin);
        var result = ClvAnalysis.Run(summaries, ClvTimeUnit.Day, settings);
        var run = NewRun(result, days.Today, settings, summaries.Customers.Count);
        var forecasts = Forecasts(run, result, summaries, ids, days.Today);
        run.Seconds = clock.GetElapsedTime(started).TotalSeconds;

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Set<CustomerForecast>().ExecuteDeleteAsync(ct);
        db.Add(run);
        await db.SaveChangesAsync(ct);
        await BulkWriter.InsertAsync(db, forecasts, ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return new PredictionRefresh(run, ids.Count, null);
    }

    async Task<(List<Guid> Ids, List<int> Customers, List<DateTime> Dates, List<double> Amounts)> ReadAsync(LocalDays days, CancellationToken ct)
    {
        var ids = new List<Guid>();
        var (customers, dates, amounts) = (new List<int>(), new List<DateTime>(), new List<double>());
        await foreach (var p in history.CustomerPurchasesAsync(days.EndUtc, ct))
        {
            if (ids.Count == 0 || ids[^1] != p.CustomerId) ids.Add(p.CustomerId);
            customers.Add(ids.Count - 1);
            dates.Add(p.PlacedAt + days.Offset); // the local calendar day decides "same day"
            amounts.Add(p.NetAmount);
        }
        return (ids, customers, dates, amounts);
    }

    PredictionRun NewRun(ClvResult result, DateOnly calibrationEnd, ClvSettings settings, int customers)
    {
        var p = result.BgNbd.Parameters;
        var spend = result.GammaGamma;
        return new PredictionRun
        {
            Id = Ids.New(), ComputedAt = clock.GetUtcNow().UtcDateTime, CalibrationEnd = calibrationEnd, Customers = customers,
            R = p.R, Alpha = p.Alpha, A = p.A, B = p.B, LogLikelihood = result.BgNbd.LogLikelihood,
            SpendP = spend?.Parameters.P, SpendQ = spend?.Parameters.Q, SpendGamma = spend?.Parameters.Gamma,
            FrequencyValueCorrelation = spend?.FrequencyValueCorrelation,
            HorizonMonths = settings.HorizonMonths, MonthlyDiscountRate = settings.MonthlyDiscountRate, Margin = settings.Margin,
        };
    }

    static List<CustomerForecast> Forecasts(PredictionRun run, ClvResult result, CalibrationSummaries summaries, List<Guid> ids, DateOnly today)
    {
        var p = result.BgNbd.Parameters;
        var forecasts = new List<CustomerForecast>(result.Predictions.Count);
        for (var i = 0; i < result.Predictions.Count; i++)
        {
            var (prediction, summary) = (result.Predictions[i], summaries.Customers[i]);
            var wait = prediction.MedianTimeToNextPurchase;
            forecasts.Add(new CustomerForecast
            {
                CustomerId = ids[prediction.Customer], RunId = run.Id, ProbabilityAlive = prediction.ProbabilityAlive,
                ExpectedPurchases90 = BgNbdModel.ConditionalExpectedPurchases(p, 90, summary.X, summary.Tx, summary.T),
                ExpectedOrderValue = Fen(prediction.ExpectedValue), LifetimeValue = Fen(prediction.Clv),
                // Beyond ten years is "not in any horizon a shop plans for".
                NextPurchaseBy = double.IsFinite(wait) && wait < 3653 ? today.AddDays((int)Math.Ceiling(wait)) : null,
                RepeatPurchases = summary.X,
            });
        }
        return forecasts;
    }

    static long? Fen(double? value) => value is { } v && double.IsFinite(v) ? (long)Math.Round(v) : null;
}
