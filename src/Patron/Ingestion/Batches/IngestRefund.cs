using System.ComponentModel;

namespace Patron.Ingestion.Batches;

[Description("A refund made at a till or in a shop, of an order ingested or created before. The order is named by the batch's " +
    "channel + its externalId; externalId is the refund's own id, which makes a replay of the batch safe.")]
public sealed record IngestRefund(
    [property: Description("The refund's id in the source: idempotency key on its order.")] string ExternalId,
    [property: Description("The order's externalId (as ingested or created), in the batch's channel.")] string OrderId,
    [property: Description("Fen. With lines, their sum; with neither amount nor lines, all that is left to refund.")] long? Amount = null,
    [property: Description("When the refund happened: ISO 8601 with Z or an offset; without a zone, local time at UTC+8. Default now.")] string? RefundedAt = null,
    [property: Description("At most 200 characters.")] string? Reason = null,
    [property: Description("The refunded lines of the order, by line number (1 = its first line).")] IReadOnlyList<IngestRefundLine>? Lines = null);

public sealed record IngestRefundLine(
    int LineNo,
    [property: Description("Fen; default the line's share of what the order paid.")] long? Amount = null);
