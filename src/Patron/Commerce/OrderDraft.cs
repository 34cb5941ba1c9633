using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Patron.Commerce.Contracts;
using Patron.Customers.Contracts;
using Patron.Platform;

namespace Patron.Commerce;

/// <summary>Turns a <see cref="CreateOrder"/> into an order, collecting every error instead of stopping at the first.</summary>
sealed partial class OrderDraft(PatronDb db, CustomerDirectory customers, DateTime utcNow, ValidationErrors errors)
{
    public const int MaxLines = 500;
    /// <summary>Till clocks drift; more than this ahead of ours is a wrong clock or a wrong time zone, not a sale.</summary>
    static readonly TimeSpan FutureTolerance = TimeSpan.FromHours(1);
    static readonly DateTime Earliest = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public async Task<Order?> BuildAsync(CreateOrder r, CancellationToken ct)
    {
        var placedAt = UtcTime.Normalise(r.PlacedAt, "placedAt", errors);
        if (r.PlacedAt is null) errors.Add("placedAt", "Required.");
        else if (placedAt > utcNow + FutureTolerance) errors.Add("placedAt", "Is in the future: check the till's clock and time zone.");
        else if (placedAt < Earliest) errors.Add("placedAt", "Is before 2000.");
        if (!Enum.IsDefined(r.Status)) errors.Add("status", $"One of {string.Join(", ", Enum.GetNames<OrderStatus>())}.");
        if (!Enum.IsDefined(r.PaymentMethod)) errors.Add("paymentMethod", $"One of {string.Join(", ", Enum.GetNames<PaymentMethod>())}.");
        var currency = string.IsNullOrWhiteSpace(r.Currency) ? "CNY" : r.Currency.Trim().ToUpperInvariant();
        if (!CurrencyCode().IsMatch(currency)) errors.Add("currency", "An ISO 4217 code such as CNY.");

        var storeId = await StoreAsync(r.StoreId, r.StoreCode, ct);
        var customerId = await CustomerAsync(r, ct);
        var orderId = Ids.New();
        var before = errors.Count;
        var lines = await LinesAsync(orderId, r.Lines ?? [], customerId, ct);
        // Totals of wrong lines would only echo the line errors in other words.
        var (gross, paid, refunded) = errors.Count == before ? Totals(r, lines) : (0, 0, 0);
        if (errors.Any) return null;

        return new Order
        {
            Id = orderId, StoreId = storeId, CustomerId = customerId, PlacedAt = placedAt!.Value, Status = r.Status,
            GrossAmount = gross, DiscountAmount = r.DiscountAmount, PaidAmount = paid, RefundedAmount = refunded,
            Currency = currency, PaymentMethod = r.PaymentMethod, CreatedAt = utcNow, Lines = lines,
        };
    }

    async Task<Guid?> StoreAsync(Guid? id, string? code, CancellationToken ct)
    {
        Guid? byId = null, byCode = null;
        if (id is { } given && (byId = await db.Stores.Where(s => s.Id == given).Select(s => (Guid?)s.Id).FirstOrDefaultAsync(ct)) is null)
            errors.Add("storeId", "No store has this id.");
        if (!string.IsNullOrWhiteSpace(code) &&
            (byCode = await db.Stores.Where(s => s.Code == code.Trim()).Select(s => (Guid?)s.Id).FirstOrDefaultAsync(ct)) is null)
            errors.Add("storeCode", "No store has this code.");
        if (byId is not null && byCode is not null && byId != byCode) errors.Add("storeCode", "Names a different store than storeId.");
        return byId ?? byCode;
    }

    /// <summary>By id, mobile or member card; when several are given they must name the same customer. None: an anonymous sale.</summary>
    async Task<Guid?> CustomerAsync(CreateOrder r, CancellationToken ct)
    {
        var found = new List<(string Field, Guid Id)>();
        if (r.CustomerId is { } id)
        {
            if (await customers.ExistsAsync(id, ct)) found.Add(("customerId", id));
            else errors.Add("customerId", "No customer has this id.");
        }
        await LookUpAsync("customerMobile", Normalise.Mobile(r.CustomerMobile), IdentifierKind.Mobile, "mobile", found, ct);
        await LookUpAsync("customerMemberCardNo", Normalise.MemberCard(r.CustomerMemberCardNo), IdentifierKind.MemberCard, "member card", found, ct);
        foreach (var other in found.Skip(1).Where(f => f.Id != found[0].Id))
            errors.Add(other.Field, $"Names a different customer than {found[0].Field}.");
        return found.Count > 0 ? found[0].Id : null;
    }

    async Task LookUpAsync(string field, Normalised value, IdentifierKind kind, string what, List<(string, Guid)> found, CancellationToken ct)
    {
        if (value.Error is not null) errors.Add(field, value.Error);
        if (value.Value is null) return;
        if (await customers.FindAsync(kind, value.Value, ct) is { } id) found.Add((field, id));
        else errors.Add(field, $"No customer has this {what}; create the customer first or leave it out for an anonymous sale.");
    }

    async Task<List<OrderLine>> LinesAsync(Guid orderId, IReadOnlyList<CreateOrderLine> requested, Guid? customerId, CancellationToken ct)
    {
        if (requested.Count == 0) errors.Add("lines", "At least one line.");
        if (requested.Count > MaxLines) errors.Add("lines", $"At most {MaxLines} lines.");
        var skus = requested.Where(l => l.ProductId is null && !string.IsNullOrWhiteSpace(l.Sku)).Select(l => l.Sku!.Trim()).Distinct().ToList();
        var ids = requested.Where(l => l.ProductId is not null).Select(l => l.ProductId!.Value).Distinct().ToList();
        var bySku = await db.Products.Where(p => skus.Contains(p.Sku)).ToDictionaryAsync(p => p.Sku, p => p.Id, ct);
        var skuById = await db.Products.Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Sku, ct);

        var lines = new List<OrderLine>();
        for (var i = 0; i < requested.Count && i < MaxLines; i++)
        {
            var l = requested[i];
            var field = $"lines[{i}]";
            var productId = Product(l, field, bySku, skuById);
            if (l.Quantity <= 0) errors.Add($"{field}.quantity", "Must be more than 0.");
            if (l.UnitPrice < 0) errors.Add($"{field}.unitPrice", "Cannot be negative.");
            if (l.Amount < 0) errors.Add($"{field}.amount", "Cannot be negative.");
            long amount = 0;
            try { amount = l.Amount ?? checked(l.Quantity * l.UnitPrice); }
            catch (OverflowException) { errors.Add($"{field}.amount", "Quantity × unit price is too large."); }
            lines.Add(new OrderLine
            {
                Id = Ids.New(), OrderId = orderId, CustomerId = customerId, LineNo = i + 1, ProductId = productId ?? Guid.Empty,
                Quantity = l.Quantity, UnitPrice = l.UnitPrice, Amount = amount,
            });
        }
        return lines;
    }

    Guid? Product(CreateOrderLine l, string field, Dictionary<string, Guid> bySku, Dictionary<Guid, string> skuById)
    {
        if (l.ProductId is { } id)
        {
            if (!skuById.TryGetValue(id, out var sku)) errors.Add($"{field}.productId", "No product has this id.");
            else if (!string.IsNullOrWhiteSpace(l.Sku) && l.Sku.Trim() != sku) errors.Add($"{field}.sku", "Names a different product than productId.");
            return id;
        }
        if (string.IsNullOrWhiteSpace(l.Sku)) errors.Add($"{field}.sku", "Give the product's sku or productId.");
        else if (bySku.TryGetValue(l.Sku.Trim(), out var found)) return found;
        else errors.Add($"{field}.sku", "No product has this SKU.");
        return null;
    }

    /// <summary>Gross = Σ line amounts, Paid = Gross − Discount; amounts the caller sends must agree.</summary>
    (long Gross, long Paid, long Refunded) Totals(CreateOrder r, List<OrderLine> lines)
    {
        long gross;
        try { gross = lines.Aggregate(0L, (sum, l) => checked(sum + l.Amount)); }
        catch (OverflowException) { errors.Add("lines", "The line amounts add up to more than can be stored."); return (0, 0, 0); }
        if (r.GrossAmount is { } g && g != gross) errors.Add("grossAmount", $"Does not match the lines: their amounts add up to {gross}.");
        if (r.DiscountAmount < 0 || r.DiscountAmount > gross)
        {
            errors.Add("discountAmount", $"Between 0 and the gross amount ({gross}).");
            return (gross, 0, 0);
        }
        var paid = gross - r.DiscountAmount;
        if (r.PaidAmount is { } p && p != paid) errors.Add("paidAmount", $"Must be grossAmount − discountAmount = {paid}.");
        // A refunded order without an amount was refunded in full.
        var refunded = r.RefundedAmount ?? (r.Status == OrderStatus.Refunded ? paid : 0);
        if (refunded < 0 || refunded > paid) errors.Add("refundedAmount", $"Between 0 and the paid amount ({paid}).");
        return (gross, paid, refunded);
    }

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex CurrencyCode();
}
