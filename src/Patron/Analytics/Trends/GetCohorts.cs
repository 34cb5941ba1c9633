using Microsoft.Extensions.Options;
using Patron.Commerce.Contracts;
using Patron.Engine.Trends;
using Patron.Platform;

namespace Patron.Analytics.Trends;

/// <summary>A first-purchase month (local calendar), its size, and the share who bought again in each month since.</summary>
public sealed record CohortView(DateOnly Month, int Customers, IReadOnlyList<double> Retention);

/// <summary>Cohort retention over every known customer's purchases up to today, by local calendar month.</summary>
public sealed class GetCohortsHandler(SalesHistory history, TimeProvider clock, IOptions<PatronOptions> options)
{
    public async Task<IReadOnlyList<CohortView>> HandleAsync(int months = 24, CancellationToken ct = default)
    {
        var days = new LocalDays(clock.GetUtcNow().UtcDateTime, options.Value.FindZone());
        var (customers, monthOf) = (new List<int>(), new List<int>());
        var count = 0;
        Guid? previous = null;
        await foreach (var p in history.CustomerPurchasesAsync(days.EndUtc, ct))
        {
            if (previous != p.CustomerId) { previous = p.CustomerId; count++; }
            customers.Add(count - 1);
            monthOf.Add(MonthNumber(DateOnly.FromDateTime(p.PlacedAt + days.Offset)));
        }
        var last = MonthNumber(days.Today);
        return CohortRetention.Compute([.. customers], [.. monthOf], count, last)
            .Where(c => c.Month > last - Math.Clamp(months, 1, 120))
            .Select(c => new CohortView(new DateOnly(c.Month / 12, c.Month % 12 + 1, 1), c.Customers, c.Retention))
            .ToList();
    }

    static int MonthNumber(DateOnly d) => d.Year * 12 + d.Month - 1;
}
