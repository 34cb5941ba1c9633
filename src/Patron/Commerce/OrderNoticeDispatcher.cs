using Microsoft.EntityFrameworkCore;
using Patron.Commerce.Contracts;
using Patron.Customers.Contracts;
using Patron.Platform;

namespace Patron.Commerce;

/// <summary>
/// Delivers <see cref="OrderNotice"/> rows to their observers: right after the commit in the request (so points show
/// at once), and again from <see cref="OrderNoticeSchedule"/> for whatever failed. An observer's exception is caught
/// and recorded on its row; it never fails the request, whose order is already committed.
/// </summary>
public sealed class OrderNoticeDispatcher(PatronDb db, IEnumerable<IOrderObserver> observers, TimeProvider clock)
{
    /// <summary>The request delivers first; the schedule leaves a fresh row alone this long.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(2);
    /// <summary>A claimed row is not picked again by another dispatcher for this long.</summary>
    static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    static readonly TimeSpan MaxBackoff = TimeSpan.FromHours(1);
    const int Batch = 200;

    readonly IReadOnlyList<IOrderObserver> all = observers.ToList();

    public static string NameOf(IOrderObserver observer) => observer.GetType().FullName ?? observer.GetType().Name;

    /// <summary>Rows for every registered observer, to be saved with the order or refund.</summary>
    public List<OrderNotice> NoticesFor(OrderNoticeKind kind, Guid orderId, Guid? refundId, Guid? customerId, DateTime now) =>
        all.Select(o => new OrderNotice
        {
            Id = Ids.New(), Kind = kind, OrderId = orderId, RefundId = refundId, CustomerId = customerId, Observer = NameOf(o),
            CreatedAt = now, NextAttemptAt = now + Grace,
        }).ToList();

    public async Task DeliverPlacedAsync(IEnumerable<OrderNotice> notices, OrderDetails order, CancellationToken ct)
    {
        foreach (var notice in notices) await DeliverAsync(notice, o => o.OrderPlacedAsync(order, ct), ct);
    }

    public async Task DeliverRefundAsync(IEnumerable<OrderNotice> notices, OrderRefundNotice refund, CancellationToken ct)
    {
        foreach (var notice in notices) await DeliverAsync(notice, o => o.OrderRefundedAsync(refund, ct), ct);
    }

    /// <summary>Delivers the rows that are due, each claimed first so that two dispatchers never run the same one.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.Set<OrderNotice>().AsNoTracking().Where(n => n.DeliveredAt == null && n.NextAttemptAt <= now)
            .OrderBy(n => n.NextAttemptAt).Take(Batch).ToListAsync(ct);
        var delivered = 0;
        foreach (var notice in due)
        {
            var claimed = await db.Set<OrderNotice>().Where(n => n.Id == notice.Id && n.DeliveredAt == null && n.NextAttemptAt == notice.NextAttemptAt)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.NextAttemptAt, now + Lease), ct);
            if (claimed == 0) continue;
            var ok = notice.Kind == OrderNoticeKind.Placed
                ? await LoadOrderAsync(notice.OrderId, ct) is { } order && await DeliverAsync(notice, o => o.OrderPlacedAsync(order, ct), ct)
                : await LoadRefundAsync(notice, ct) is { } refund && await DeliverAsync(notice, o => o.OrderRefundedAsync(refund, ct), ct);
            if (ok) delivered++;
        }
        // Delivered rows are kept a week for inspection, then dropped.
        await db.Set<OrderNotice>().Where(n => n.DeliveredAt != null && n.DeliveredAt < now.AddDays(-7)).ExecuteDeleteAsync(ct);
        return delivered;
    }

    async Task<bool> DeliverAsync(OrderNotice notice, Func<IOrderObserver, Task> call, CancellationToken ct)
    {
        var observer = all.FirstOrDefault(o => NameOf(o) == notice.Observer);
        try
        {
            if (observer is null) throw new InvalidOperationException($"No observer {notice.Observer} is registered.");
            await call(observer);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            db.ChangeTracker.Clear();
            var attempts = notice.Attempts + 1;
            var next = clock.GetUtcNow().UtcDateTime + Backoff(attempts);
            var error = $"{e.GetType().Name}: {e.Message}";
            if (error.Length > OrderNotice.ErrorLength) error = error[..OrderNotice.ErrorLength];
            await db.Set<OrderNotice>().Where(n => n.Id == notice.Id).ExecuteUpdateAsync(s => s
                .SetProperty(n => n.Attempts, attempts).SetProperty(n => n.NextAttemptAt, next).SetProperty(n => n.LastError, error), CancellationToken.None);
            return false;
        }
        db.ChangeTracker.Clear();
        var at = clock.GetUtcNow().UtcDateTime;
        await db.Set<OrderNotice>().Where(n => n.Id == notice.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.DeliveredAt, at).SetProperty(n => n.Attempts, notice.Attempts + 1), CancellationToken.None);
        return true;
    }

    /// <summary>30 s, 1 min, 2 min … doubling up to an hour; never given up: a notice is never dropped undelivered.</summary>
    public static TimeSpan Backoff(int attempts) =>
        attempts >= 8 ? MaxBackoff : TimeSpan.FromSeconds(Math.Min(30 * Math.Pow(2, attempts - 1), MaxBackoff.TotalSeconds));

    async Task<OrderDetails?> LoadOrderAsync(Guid orderId, CancellationToken ct)
    {
        var order = await db.Orders.AsNoTracking().Include(o => o.Lines).FirstOrDefaultAsync(o => o.Id == orderId, ct);
        return order is null ? null : await OrderViews.DetailsAsync(db, new CustomerDirectory(db), order, ct);
    }

    async Task<OrderRefundNotice?> LoadRefundAsync(OrderNotice notice, CancellationToken ct)
    {
        var refund = await db.Set<OrderRefund>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == notice.RefundId, ct);
        var order = await db.Orders.AsNoTracking().FirstOrDefaultAsync(o => o.Id == notice.OrderId, ct);
        return refund is null || order is null ? null : RefundOrderHandler.Notice(refund, order);
    }
}
