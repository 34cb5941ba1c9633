using Microsoft.EntityFrameworkCore;
using Patron.Commerce.Contracts;
using Patron.Platform;

namespace Patron.Commerce;

/// <summary>Finds the order by channel + external id and hands the refund to <see cref="RefundOrderHandler"/>.</summary>
sealed class ExternalRefunds(PatronDb db, RefundOrderHandler handler) : IOrderRefunds
{
    public async Task<ExternalRefundOutcome> RefundAsync(ExternalRefund refund, CancellationToken ct)
    {
        var externalId = refund.OrderExternalId.Trim();
        var orderId = await db.Orders.AsNoTracking().Where(o => o.Source == refund.Source && o.ExternalId == externalId)
            .Select(o => (Guid?)o.Id).FirstOrDefaultAsync(ct);
        if (orderId is null) return new(ExternalRefundStatus.UnknownOrder, null, [$"orderId: Unknown order '{externalId}' of channel {refund.Source}."]);

        var lines = refund.Lines?.Select(l => new RefundOrderLine(l.LineNo, l.Amount)).ToList();
        var result = await handler.HandleAsync(orderId.Value, new RefundOrder(refund.RefundId, refund.Amount, lines, refund.Reason), refund.RefundedAt, ct);
        if (result.Value is { } done) return new(done.Replayed ? ExternalRefundStatus.Replayed : ExternalRefundStatus.Refunded, done.RefundId, []);
        if (result.NotFound) return new(ExternalRefundStatus.UnknownOrder, null, [$"orderId: Unknown order '{externalId}' of channel {refund.Source}."]);
        return new(ExternalRefundStatus.Rejected, null,
            result.Errors!.ToDictionary().SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}")).ToList());
    }
}
