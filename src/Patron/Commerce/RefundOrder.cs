using Microsoft.EntityFrameworkCore;
using Patron.Commerce.Contracts;
using Patron.Platform;

namespace Patron.Commerce;

/// <param name="Amount">Fen to refund on this line; its share of what was paid when omitted.</param>
public sealed record RefundOrderLine(int LineNo, long? Amount = null);

/// <summary>
/// A full or partial refund, idempotent by <paramref name="RefundKey"/> (per order). Give an amount, lines, or
/// neither for everything not yet refunded; with both, they must agree.
/// </summary>
public sealed record RefundOrder(string? RefundKey, long? Amount = null, IReadOnlyList<RefundOrderLine>? Lines = null, string? Reason = null);

public sealed record OrderRefunded(Guid RefundId, Guid OrderId, long Amount, long TotalRefunded, OrderStatus Status, bool Replayed);

/// <summary>
/// Records a refund and raises the order's refunded amount with a conditional UPDATE (… WHERE refunded + amount ≤ paid),
/// so two refunds racing on one order can never refund more than was paid. Observers hear of it after the commit,
/// through the outbox (<see cref="OrderNotice"/>): a failing observer is tried again later and never fails the refund.
/// </summary>
public sealed class RefundOrderHandler(PatronDb db, TimeProvider clock, IEnumerable<IOrderObserver> observers)
{
    readonly OrderNoticeDispatcher notices = new(db, observers, clock);

    public Task<WriteResult<OrderRefunded>> HandleAsync(Guid orderId, RefundOrder request, CancellationToken ct = default) =>
        HandleAsync(orderId, request, null, ct);

    /// <param name="refundedAt">When the refund happened elsewhere (a till's refund sent later); now when null.</param>
    public async Task<WriteResult<OrderRefunded>> HandleAsync(Guid orderId, RefundOrder request, DateTime? refundedAt, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var key = request.RefundKey?.Trim();
        if (string.IsNullOrEmpty(key)) errors.Add("refundKey", "Required: the refund's id in the till or shop, which makes a retry safe.");
        else if (key.Length > 100) errors.Add("refundKey", "At most 100 characters.");
        var reason = request.Reason?.Trim() ?? "";
        if (reason.Length > 200) errors.Add("reason", "At most 200 characters.");
        if (errors.Any) return WriteResult<OrderRefunded>.Invalid(errors);

        var order = await db.Orders.AsNoTracking().Include(o => o.Lines).FirstOrDefaultAsync(o => o.Id == orderId, ct);
        if (order is null) return WriteResult<OrderRefunded>.Missing();
        if (await FindAsync(orderId, key!, ct) is { } original) return WriteResult<OrderRefunded>.Ok(original);
        if (order.Status == OrderStatus.Cancelled) errors.Add("orderId", "A cancelled order cannot be refunded.");
        var amount = Amount(order, request, errors);
        var now = clock.GetUtcNow().UtcDateTime;
        var at = refundedAt ?? now;
        if (refundedAt < order.PlacedAt) errors.Add("refundedAt", "Before the order was placed.");
        else if (refundedAt > now.AddMinutes(5)) errors.Add("refundedAt", "In the future.");
        if (errors.Any) return WriteResult<OrderRefunded>.Invalid(errors);

        OrderRefund refund;
        List<OrderNotice> outbox;
        try
        {
            (refund, outbox) = await WriteAsync(order, key!, amount, reason, at, now, ct);
        }
        catch (DbUpdateException)
        {
            // The same refund key racing itself: the unique index let one in; answer with it.
            db.ChangeTracker.Clear();
            if (await FindAsync(orderId, key!, ct) is { } winner) return WriteResult<OrderRefunded>.Ok(winner);
            throw;
        }
        if (refund.Amount == 0)
        {
            errors.Add("amount", "A concurrent refund already took what was left to refund.");
            return WriteResult<OrderRefunded>.Invalid(errors);
        }

        await notices.DeliverRefundAsync(outbox, Notice(refund, order), ct);
        return WriteResult<OrderRefunded>.Ok(View(refund, order.PaidAmount, replayed: false));
    }

    internal static OrderRefundNotice Notice(OrderRefund refund, Order order) => new(refund.Id, order.Id, order.CustomerId, order.Source,
        order.ExternalId, refund.Amount, refund.TotalRefunded, order.PaidAmount, refund.CreatedAt);

    /// <summary>The refund and its outbox rows commit together, or neither does.</summary>
    async Task<(OrderRefund, List<OrderNotice>)> WriteAsync(Order order, string key, long amount, string reason, DateTime at, DateTime now, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var raised = await db.Orders.Where(o => o.Id == order.Id && o.RefundedAmount + amount <= o.PaidAmount)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.RefundedAmount, o => o.RefundedAmount + amount), ct);
        if (raised == 0) return (new OrderRefund { Amount = 0 }, []);
        var total = await db.Orders.Where(o => o.Id == order.Id).Select(o => o.RefundedAmount).SingleAsync(ct);
        var status = total == order.PaidAmount ? OrderStatus.Refunded : OrderStatus.PartlyRefunded;
        await db.Orders.Where(o => o.Id == order.Id).ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, status), ct);
        var refund = new OrderRefund
        {
            Id = Ids.New(), OrderId = order.Id, CustomerId = order.CustomerId, RefundKey = key, Amount = amount,
            TotalRefunded = total, Reason = reason, CreatedAt = at,
        };
        db.Add(refund);
        var outbox = notices.NoticesFor(OrderNoticeKind.Refunded, order.Id, refund.Id, order.CustomerId, now);
        db.AddRange(outbox);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (refund, outbox);
    }

    static long Amount(Order order, RefundOrder request, ValidationErrors errors)
    {
        var left = order.PaidAmount - order.RefundedAmount;
        long? fromLines = null;
        if (request.Lines is { Count: > 0 } lines)
        {
            long sum = 0;
            for (var i = 0; i < lines.Count; i++)
            {
                var line = order.Lines.FirstOrDefault(l => l.LineNo == lines[i].LineNo);
                if (line is null) { errors.Add($"lines[{i}].lineNo", $"The order has no line {lines[i].LineNo}."); continue; }
                // A line's share of what was paid: the order discount is spread over the lines by amount.
                var share = order.GrossAmount == 0 ? 0 : (long)((Int128)line.Amount * order.PaidAmount / order.GrossAmount);
                var a = lines[i].Amount ?? share;
                if (a <= 0 || a > share) errors.Add($"lines[{i}].amount", $"Must be between 1 and the line's paid share, {share}.");
                sum += a;
            }
            fromLines = sum;
        }
        if (request.Amount is { } asked && fromLines is { } summed && asked != summed)
            errors.Add("amount", $"The lines add up to {summed}, not {asked}.");
        var amount = request.Amount ?? fromLines ?? left;
        if (amount <= 0) errors.Add("amount", left == 0 ? "The order is already fully refunded." : "Must be positive.");
        else if (amount > left) errors.Add("amount", $"Only {left} is left to refund.");
        return amount;
    }

    async Task<OrderRefunded?> FindAsync(Guid orderId, string key, CancellationToken ct)
    {
        var refund = await db.Set<OrderRefund>().AsNoTracking().FirstOrDefaultAsync(r => r.OrderId == orderId && r.RefundKey == key, ct);
        if (refund is null) return null;
        var paid = await db.Orders.Where(o => o.Id == orderId).Select(o => o.PaidAmount).SingleAsync(ct);
        return View(refund, paid, replayed: true);
    }

    static OrderRefunded View(OrderRefund r, long paid, bool replayed) =>
        new(r.Id, r.OrderId, r.Amount, r.TotalRefunded, r.TotalRefunded == paid ? OrderStatus.Refunded : OrderStatus.PartlyRefunded, replayed);
}
