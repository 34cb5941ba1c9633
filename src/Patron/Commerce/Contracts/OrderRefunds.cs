using Patron.Customers.Contracts;

namespace Patron.Commerce.Contracts;

/// <param name="Amount">Fen to refund on this line; its share of what was paid when omitted.</param>
public sealed record ExternalRefundLine(int LineNo, long? Amount = null);

/// <summary>
/// A refund made elsewhere (a till, a shop) naming its order by channel + the order's external id. The refund's own id
/// is its idempotency key on that order. Amount, lines, or neither for all that is left, as for a refund in Patron.
/// </summary>
public sealed record ExternalRefund(
    SalesChannel Source, string OrderExternalId, string RefundId, long? Amount, IReadOnlyList<ExternalRefundLine>? Lines,
    DateTime? RefundedAt, string? Reason);

public enum ExternalRefundStatus { Refunded, Replayed, UnknownOrder, Rejected }

/// <param name="Reasons">Why it was rejected, "field: message" each; empty otherwise.</param>
public sealed record ExternalRefundOutcome(ExternalRefundStatus Status, Guid? RefundId, IReadOnlyList<string> Reasons);

/// <summary>
/// Records refunds for other modules (API ingest) through Commerce's own refund handler, so that the conditional
/// update against over-refunding and the order outbox (loyalty points reversal, segmentation features) work exactly as
/// for a refund made in the UI. Each refund commits on its own; observers hear of it after its commit.
/// </summary>
public interface IOrderRefunds
{
    Task<ExternalRefundOutcome> RefundAsync(ExternalRefund refund, CancellationToken ct);
}
