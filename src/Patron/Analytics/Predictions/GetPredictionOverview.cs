using Microsoft.EntityFrameworkCore;
using Patron.Analytics.Contracts;
using Patron.Customers.Contracts;
using Patron.Platform;

namespace Patron.Analytics.Predictions;

public sealed record PredictedCustomer(Guid CustomerId, string Name, double ProbabilityAlive, double ExpectedPurchases90,
    long? LifetimeValue, DateOnly? NextPurchaseBy);

/// <summary>
/// The latest run and what it says about the customer base: how many customers fall in each churn-risk band, the
/// expected purchases and value of all of them over the horizon, the most valuable customers, and the valuable ones
/// at high risk (the win-back list: top lifetime value among those below 30% alive).
/// </summary>
public sealed record PredictionOverview(PredictionRun Run, IReadOnlyDictionary<ChurnRisk, int> Risk, double ExpectedPurchases90,
    long TotalLifetimeValue, IReadOnlyList<PredictedCustomer> MostValuable, IReadOnlyList<PredictedCustomer> ValuableAtRisk);

public sealed class GetPredictionOverviewHandler(PatronDb db, CustomerDirectory customers)
{
    public async Task<PredictionOverview?> HandleAsync(int top = 10, CancellationToken ct = default)
    {
        var run = await db.Set<PredictionRun>().AsNoTracking().OrderByDescending(r => r.ComputedAt).FirstOrDefaultAsync(ct);
        if (run is null) return null;
        var forecasts = db.Set<CustomerForecast>().AsNoTracking().Where(f => f.RunId == run.Id);
        var bands = await forecasts.GroupBy(f => f.ProbabilityAlive < 0.3 ? ChurnRisk.High : f.ProbabilityAlive < 0.7 ? ChurnRisk.Medium : ChurnRisk.Low)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var totals = await forecasts.GroupBy(_ => 1)
            .Select(g => new { Purchases = g.Sum(f => f.ExpectedPurchases90), Value = g.Sum(f => f.LifetimeValue ?? 0) }).FirstOrDefaultAsync(ct);
        var valuable = await forecasts.OrderByDescending(f => f.LifetimeValue).Take(top).ToListAsync(ct);
        var atRisk = await forecasts.Where(f => f.ProbabilityAlive < 0.3).OrderByDescending(f => f.LifetimeValue).Take(top).ToListAsync(ct);
        var names = await customers.NamesAsync(valuable.Concat(atRisk).Select(f => f.CustomerId).Distinct(), ct);
        PredictedCustomer View(CustomerForecast f) =>
            new(f.CustomerId, names.GetValueOrDefault(f.CustomerId, "—"), f.ProbabilityAlive, f.ExpectedPurchases90, f.LifetimeValue, f.NextPurchaseBy);
        var risk = Enum.GetValues<ChurnRisk>().ToDictionary(r => r, r => bands.FirstOrDefault(b => b.Key == r)?.Count ?? 0);
        return new PredictionOverview(run, risk, totals?.Purchases ?? 0, totals?.Value ?? 0,
            [.. valuable.Select(View)], [.. atRisk.Select(View)]);
    }
}
