using Microsoft.EntityFrameworkCore;
using Patron.Analytics.Predictions;
using Patron.Platform;

namespace Patron.Analytics.Contracts;

public enum ChurnRisk { Low, Medium, High }

/// <summary>A customer's latest predictions as the customer page shows them; money in fen.</summary>
public sealed record CustomerOutlookView(double ProbabilityAlive, double ExpectedPurchases90, long? ExpectedOrderValue,
    long? LifetimeValue, int HorizonMonths, DateOnly? NextPurchaseBy, DateTime ComputedAt)
{
    public double ChurnProbability => 1 - ProbabilityAlive;

    /// <summary>Bands for people, not for models: below 30% alive is high risk, 70% and above low.</summary>
    public ChurnRisk Risk => ProbabilityAlive switch { < 0.3 => ChurnRisk.High, < 0.7 => ChurnRisk.Medium, _ => ChurnRisk.Low };
}

/// <summary>One customer's latest predictions for other modules' columns (segment rules); money in fen.</summary>
public readonly record struct ForecastRow(Guid CustomerId, double ProbabilityAlive, double ExpectedPurchases90, long? LifetimeValue);

public sealed class CustomerOutlook(PatronDb db)
{
    /// <summary>Every stored prediction (they all come from the latest run), streamed.</summary>
    public IAsyncEnumerable<ForecastRow> AllAsync(CancellationToken ct = default) =>
        db.Set<CustomerForecast>().AsNoTracking()
            .Select(f => new ForecastRow(f.CustomerId, f.ProbabilityAlive, f.ExpectedPurchases90, f.LifetimeValue))
            .AsAsyncEnumerable();

    /// <summary>Null when the customer has never bought or no refresh has run since they did.</summary>
    public async Task<CustomerOutlookView?> GetAsync(Guid customerId, CancellationToken ct = default) =>
        await (from f in db.Set<CustomerForecast>().AsNoTracking()
               join r in db.Set<PredictionRun>() on f.RunId equals r.Id
               where f.CustomerId == customerId
               select new CustomerOutlookView(f.ProbabilityAlive, f.ExpectedPurchases90, f.ExpectedOrderValue, f.LifetimeValue,
                   r.HorizonMonths, f.NextPurchaseBy, r.ComputedAt)).FirstOrDefaultAsync(ct);
}
