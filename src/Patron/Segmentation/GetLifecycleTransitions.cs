using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Patron.Commerce.Contracts;
using Patron.Engine.Lifecycle;
using Patron.Platform;
using Patron.Segmentation.Contracts;

namespace Patron.Segmentation;

/// <param name="Month">The first day of a completed month among the last twelve; the last completed month when omitted.</param>
public sealed record GetLifecycleTransitions(DateOnly? Month = null);

/// <summary>
/// Month-over-month lifecycle transitions: every customer known by the end of the month, classified from the purchase
/// history as of the two month ends with the configured preset (Patron.Engine.Lifecycle.LifecycleAsOf), so the answer
/// does not depend on when the feature store last refreshed. A refund counts as of today: an order refunded in full
/// later is not a purchase at either date, as the customer KPIs treat it. Streams purchases one customer at a time, so the
/// answer is cached (<see cref="LifecycleTransitionsCache"/>) until a late order or a refund could change it.
/// </summary>
public sealed class GetLifecycleTransitionsHandler(PatronDb db, SalesHistory history, TimeProvider clock, IOptions<PatronOptions> options,
    IOptions<SegmentationOptions> segmentation, LifecycleTransitionsCache cache)
{
    public async Task<WriteResult<LifecycleTransitionsView>> HandleAsync(GetLifecycleTransitions q, CancellationToken ct = default)
    {
        var zone = options.Value.FindZone();
        var today = FeatureLoader.LocalDay(clock.GetUtcNow().UtcDateTime, zone);
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        var months = Enumerable.Range(1, 12).Select(k => thisMonth.AddMonths(-k)).ToList();
        var month = q.Month ?? months[0];
        if (!months.Contains(month))
        {
            var errors = new ValidationErrors();
            errors.Add("month", $"Must be the first day of one of the last 12 completed months ({months[^1]:yyyy-MM-dd} … {months[0]:yyyy-MM-dd}).");
            return WriteResult<LifecycleTransitionsView>.Invalid(errors);
        }
        var (from, to) = (month.AddDays(-1), month.AddMonths(1).AddDays(-1));
        var until = TimeZoneInfo.ConvertTimeToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue), zone);
        var preset = LifecyclePresets.Find(segmentation.Value.LifecyclePreset) ?? LifecyclePresets.General;
        var view = await cache.GetOrAddAsync(month, today, preset.Key, until,
            () => ComputeAsync(month, from, to, until, preset.States, zone, months, ct));
        return WriteResult<LifecycleTransitionsView>.Ok(view);
    }

    async Task<LifecycleTransitionsView> ComputeAsync(DateOnly month, DateOnly from, DateOnly to, DateTime until, StateThresholds thresholds,
        TimeZoneInfo zone, List<DateOnly> months, CancellationToken ct)
    {
        var size = LifecycleNames.States.Count;
        var counts = new int[size][];
        for (var i = 0; i < size; i++) counts[i] = new int[size];

        var days = new List<int>();
        Guid? current = null;
        void Flush()
        {
            if (current is null) return;
            var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(days);
            counts[(int)LifecycleAsOf.State(span, from.DayNumber, thresholds)][(int)LifecycleAsOf.State(span, to.DayNumber, thresholds)]++;
            days.Clear();
        }
        // In customer order, then by time: each customer's days arrive together and ascending.
        await foreach (var p in history.CustomerPurchasesAsync(until, ct))
        {
            if (p.CustomerId != current) { Flush(); current = p.CustomerId; }
            days.Add(FeatureLoader.LocalDay(p.PlacedAt, zone).DayNumber);
        }
        Flush();
        counts[(int)LifecycleState.Prospect][(int)LifecycleState.Prospect] += await NeverBoughtAsync(until, ct);
        return new LifecycleTransitionsView(month, from, to, counts, months);
    }

    /// <summary>Customers signed up before <paramref name="until"/> with no purchase before it: prospects at both ends.</summary>
    Task<int> NeverBoughtAsync(DateTime until, CancellationToken ct) =>
        db.Customers.AsNoTracking().Where(c => c.SignedUpAt < until)
            .CountAsync(c => !db.Orders.Any(o => o.CustomerId == c.Id && o.PlacedAt < until
                && (o.Status == OrderStatus.Completed || o.Status == OrderStatus.PartlyRefunded)), ct);
}
