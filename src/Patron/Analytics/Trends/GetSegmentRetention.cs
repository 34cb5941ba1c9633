using Microsoft.Extensions.Options;
using Patron.Commerce.Contracts;
using Patron.Engine.Trends;
using Patron.Platform;
using Patron.Segmentation.Contracts;

namespace Patron.Analytics.Trends;

/// <param name="SegmentId">A saved segment; its current members are followed back in time.</param>
/// <param name="Window">Days without a purchase after which a customer counts as churned.</param>
public sealed record GetSegmentRetention(Guid SegmentId, int Months = 12, int Window = 90);

/// <summary>
/// Repurchase and churn rates per local calendar month for a segment's current members (Patron.Engine.Trends.
/// RetentionRates), the last month being the current, incomplete one. Following today's members back in time answers
/// "how have these customers behaved", not "how did the segment as it was then behave": membership history is kept,
/// but rules such as "churned" would make the past segment trivially churn-free or churn-full.
/// </summary>
public sealed class GetSegmentRetentionHandler(SegmentRoster roster, SalesHistory history, TimeProvider clock, IOptions<PatronOptions> options)
{
    public async Task<IReadOnlyList<MonthRetention>> HandleAsync(GetSegmentRetention q, CancellationToken ct = default)
    {
        var days = new LocalDays(clock.GetUtcNow().UtcDateTime, options.Value.FindZone());
        var members = await roster.CurrentMembersAsync(q.SegmentId, ct);
        var purchases = new Dictionary<Guid, List<DateOnly>>();
        await foreach (var p in history.CustomerPurchasesAsync(days.EndUtc, ct))
        {
            if (!members.Contains(p.CustomerId)) continue;
            if (!purchases.TryGetValue(p.CustomerId, out var list)) purchases[p.CustomerId] = list = [];
            list.Add(DateOnly.FromDateTime(p.PlacedAt + days.Offset));
        }
        var thisMonth = new DateOnly(days.Today.Year, days.Today.Month, 1);
        var count = Math.Clamp(q.Months, 1, 60);
        var months = Enumerable.Range(0, count).Select(k => thisMonth.AddMonths(k - count + 1)).ToList();
        return RetentionRates.Compute(purchases.Values, months, Math.Clamp(q.Window, 7, 730), days.Today);
    }
}
