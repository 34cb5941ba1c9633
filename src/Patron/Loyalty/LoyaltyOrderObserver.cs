using Microsoft.EntityFrameworkCore;
using Patron.Commerce.Contracts;
using Patron.Engine.Loyalty;
using Patron.Platform;
using Patron.Platform.Audit;

namespace Patron.Loyalty;

/// <summary>
/// Orders earn points by themselves: a completed order of a known customer gets a pending lot that becomes available
/// when the return window closes and expires at the end of the following year; refunds are handed to
/// <see cref="RefundReversal"/>. Idempotent per order: the order's <see cref="OrderEarning"/> row is written with
/// the points, and its key (the order id) is unique.
/// </summary>
public sealed class LoyaltyOrderObserver(PatronDb db, StoreDirectory catalogue, TierUpgrades tiers, TimeProvider clock) : IOrderObserver
{
    public async Task OrderPlacedAsync(OrderDetails order, CancellationToken ct)
    {
        var summary = order.Order;
        if (summary.CustomerId is not { } customerId || summary.Status != OrderStatus.Completed) return;
        if (await db.Set<OrderEarning>().AnyAsync(e => e.OrderId == summary.Id, ct)) return;

        var settings = await LoyaltySettings.LoadAsync(db, ct);
        var policy = await EarnPolicies.ForAsync(db, settings, customerId, summary.PlacedAt, ct);
        var categories = await catalogue.ProductCategoriesAsync(order.Lines.Select(l => l.ProductId).Distinct().ToList(), ct);
        var lines = order.Lines.Select(l => new EarnLine(l.ProductId, categories.GetValueOrDefault(l.ProductId), l.Amount)).ToList();
        var points = Earning.Points(lines, summary.PaidAmount, policy).Points;
        var now = clock.GetUtcNow().UtcDateTime;

        await AccountWrites.RetryAsync(db, async () =>
        {
            if (await db.Set<OrderEarning>().AnyAsync(e => e.OrderId == summary.Id, ct)) return false;
            var earning = new OrderEarning
            {
                OrderId = summary.Id, CustomerId = customerId, PlacedAt = summary.PlacedAt, PaidAmount = summary.PaidAmount, PointsEarned = points,
            };
            db.Add(earning);
            if (points > 0)
            {
                var account = await AccountWrites.LoadAsync(db, customerId, now, ct);
                var entry = PointsEntry.New(customerId, PointsEntryKind.Earn, points, $"Order {summary.ExternalId}", $"order:{summary.Id}", now, Actor.System);
                db.AddRange(entry, new PointsLot
                {
                    Id = Ids.New(), CustomerId = customerId, EntryId = entry.Id, Points = points, Remaining = points, EarnedAt = now,
                    AvailableFrom = summary.PlacedAt.AddDays(settings.ReturnWindowDays), ExpiresAt = settings.ExpiryFor(summary.PlacedAt),
                });
                earning.EntryId = entry.Id;
                AccountWrites.Apply(account, entry);
            }
            await db.SaveChangesAsync(ct);
            return true;
        }, ct);
        db.ChangeTracker.Clear();
        await tiers.UpgradeAsync(customerId, now, ct);
    }

    public Task OrderRefundedAsync(OrderRefundNotice refund, CancellationToken ct) =>
        refund.CustomerId is { } customerId ? new RefundReversal(db, clock).ApplyAsync(customerId, refund, ct) : Task.CompletedTask;
}
