using System.ComponentModel;
using Patron.Customers.Contracts;
using Patron.Ingestion.Cleaning;

namespace Patron.Ingestion.Batches;

/// <summary>
/// A batch for POST /api/v1/ingest/...: up to <see cref="MaxItems"/> items from one source. Text values are cleaned by
/// the rules of a file import (mobiles in any common form, 男/女, 2024年3月5日, Chinese addresses ...).
/// </summary>
public sealed record IngestBatch<T>(
    [property: Description("Where the items come from (a shop, a till system, an app): 1-64 characters. Idempotency is per source + externalId.")] string Source,
    [property: Description("The items, each with its externalId; at most 10,000.")] IReadOnlyList<T>? Items,
    [property: Description("The channel of orders and events; default OnlineShop for orders, App for events.")] SalesChannel? Channel = null)
{
    public const int MaxItems = 10_000;
}

[Description("A customer (a member sign-up, a CRM record). externalId is the customer's id in the source: it is kept as a platform buyer id " +
    "scoped by the source, so a replay matches the same customer. A customer is matched to an existing one by member card, mobile, email or that id.")]
public sealed record IngestCustomer(
    string ExternalId, string? Name = null, string? Mobile = null, string? Email = null, string? MemberCard = null,
    [property: Description("男/女/M/F/male/female/未知 ...")] string? Gender = null,
    [property: Description("ISO, yyyy/M/d, yyyyMMdd or 2024年3月5日.")] string? Birthday = null,
    string? Address = null, string? Province = null, string? City = null, string? District = null,
    [property: Description("A store code or name.")] string? Store = null);

[Description("An order (POS transaction, online-shop order) with its lines; the buyer by identifier, created when unknown.")]
public sealed record IngestOrder(
    string ExternalId,
    [property: Description("ISO 8601 with Z or an offset; without a zone, local time at UTC+8 as in a file export.")] string PlacedAt,
    IReadOnlyList<IngestOrderLine>? Lines,
    [property: Description("Paid in fen; default the sum of the lines.")] long? Paid = null,
    [property: Description("A store code or name.")] string? Store = null,
    [property: Description("The buyer's account on the platform, scoped by the source.")] string? BuyerId = null,
    string? Name = null, string? Mobile = null, string? Email = null, string? MemberCard = null, string? Address = null);

public sealed record IngestOrderLine(
    string? Sku = null, string? ProductName = null, int? Quantity = null,
    [property: Description("Fen.")] long? UnitPrice = null, [property: Description("Fen; default unitPrice × quantity.")] long? Amount = null);

[Description("A behaviour event. The customer must exist (by member card, mobile, email or buyer id): events never create customers.")]
public sealed record IngestEvent(
    string ExternalId,
    [property: Description("StoreVisit, PageView, ProductView, AddToCart, Search, SignIn, CouponClaim (or 到店, 浏览商品, 加购, 搜索 ...).")] string Type,
    [property: Description("ISO 8601 with Z or an offset; without a zone, local time at UTC+8.")] string At,
    string? MemberCard = null, string? Mobile = null, string? Email = null, string? BuyerId = null,
    string? Store = null, string? Sku = null, string? ProductName = null, string? Keyword = null);

public enum IngestStatus { Accepted, Duplicate, Rejected }

/// <summary>
/// What happened to one item: accepted (written or matched), a duplicate of one already ingested (nothing changed), or
/// rejected. Problems says why, each with a code to branch on; Reasons are their English texts.
/// </summary>
public sealed record IngestItemResult(
    int Index, string? ExternalId, IngestStatus Status,
    [property: Description("Why the item was rejected or is a duplicate: a stable code (PhoneInvalid, OrderRejectedWhole ...), the field and value " +
        "concerned, the values the sentence names, and the English text, as in reasons.")] IReadOnlyList<RowProblem>? Problems = null)
{
    [Description("The English texts of problems, in their order.")]
    public IReadOnlyList<string>? Reasons => Problems is null ? null : [.. Problems.Select(p => p.Text)];
}

/// <summary>Received = Accepted + Duplicates + Rejected, always. Rejected items are in the job's quarantine.</summary>
public sealed record IngestResult(
    Guid JobId, int Received, int Accepted, int Duplicates, int Rejected,
    long CustomersCreated, long CustomersMatched, long OrdersCreated, long EventsCreated, IReadOnlyList<IngestItemResult> Items,
    long RefundsCreated = 0);
