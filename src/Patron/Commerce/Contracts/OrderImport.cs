using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Patron.Customers.Contracts;
using Patron.Platform;
using Patron.Platform.Bulk;

namespace Patron.Commerce.Contracts;

/// <summary>A line of an imported order: the product by SKU or, when the export has none, by name. Amounts in fen.</summary>
public sealed record ImportedOrderLine(string? Sku, string? ProductName, int Quantity, long UnitPrice, long Amount);

/// <summary>An imported order, cleaned; <paramref name="Paid"/> null means the sum of the lines.</summary>
public sealed record ImportedOrder(
    string ExternalId, DateTime PlacedAt, Guid? CustomerId, string? Store, long? Paid, IReadOnlyList<ImportedOrderLine> Lines);

public sealed record OrderImportResult(int Created, int LinesCreated, int Duplicates);

/// <summary>
/// Writes a batch of imported orders with the bulk writer, in the caller's transaction. (Source, ExternalId) decides:
/// an order that exists already is skipped as a duplicate, never changed. Products unknown to the catalogue are
/// created in an "imported" category so that the sale keeps its product; a name-only product gets a SKU derived from
/// its name, so the same name maps to the same product on every run. Bulk imports are history: order observers
/// (loyalty points and the like) are not told of them.
/// </summary>
public sealed class OrderImportWriter(PatronDb db)
{
    public const string ImportedCategoryCode = "IMPORTED";
    const int MaxCachedSkus = 100_000;

    // A SHA-256 per line was 2% of an import; shops sell far fewer products than they have lines.
    readonly Dictionary<string, string> derivedSkus = new(StringComparer.Ordinal);
    readonly Dictionary<string, Guid> knownProducts = new(StringComparer.Ordinal);
    readonly IdSequence ids = new();

    public async Task<OrderImportResult> WriteAsync(SalesChannel source, IReadOnlyList<ImportedOrder> orders, DateTime utcNow, CancellationToken ct) =>
        await WriteFreshAsync(source, orders, await ExistingAsync(source, orders.Select(o => o.ExternalId).Distinct().ToList(), ct), utcNow, ct);

    /// <summary>
    /// <see cref="WriteAsync"/> for orders the caller has just looked up with <see cref="ExistingAsync"/> in the same
    /// transaction and found absent: the second lookup of the same ids would find nothing new.
    /// </summary>
    public Task<OrderImportResult> WriteNewAsync(SalesChannel source, IReadOnlyList<ImportedOrder> orders, DateTime utcNow, CancellationToken ct) =>
        WriteFreshAsync(source, orders, new HashSet<string>(StringComparer.Ordinal), utcNow, ct);

    async Task<OrderImportResult> WriteFreshAsync(
        SalesChannel source, IReadOnlyList<ImportedOrder> orders, HashSet<string> existing, DateTime utcNow, CancellationToken ct)
    {
        // Adding to the set also skips an external id named twice in the list.
        var fresh = orders.Where(o => existing.Add(o.ExternalId)).ToList();
        var products = await ProductsAsync(fresh, ct);
        var stores = await StoresAsync(fresh, ct);

        var rows = new List<Order>(fresh.Count);
        var lines = new List<OrderLine>();
        foreach (var o in fresh)
        {
            var order = new Order
            {
                Id = ids.Next(), Source = source, ExternalId = o.ExternalId, CustomerId = o.CustomerId, PlacedAt = o.PlacedAt,
                StoreId = o.Store is null ? null : stores.GetValueOrDefault(o.Store), Status = OrderStatus.Completed,
                PaymentMethod = PaymentMethod.Other, Currency = "CNY", CreatedAt = utcNow,
            };
            var lineNo = 0;
            foreach (var l in o.Lines)
                lines.Add(new OrderLine
                {
                    Id = ids.Next(), OrderId = order.Id, CustomerId = o.CustomerId, LineNo = ++lineNo,
                    ProductId = products[Sku(l)], Quantity = l.Quantity, UnitPrice = l.UnitPrice, Amount = l.Amount,
                });
            var gross = o.Lines.Sum(l => l.Amount);
            var paid = o.Paid ?? gross;
            // Paid above the lines is shipping or a fee; the invariant Paid = Gross - Discount keeps the discount ≥ 0.
            order.GrossAmount = Math.Max(gross, paid);
            order.PaidAmount = paid;
            order.DiscountAmount = order.GrossAmount - paid;
            rows.Add(order);
        }
        await BulkWriter.InsertAsync(db, rows, ct);
        await BulkWriter.InsertAsync(db, lines, ct);
        return new OrderImportResult(rows.Count, lines.Count, orders.Count - rows.Count);
    }

    /// <summary>Which of these external ids of the source are stored already (one query).</summary>
    public async Task<HashSet<string>> ExistingAsync(SalesChannel source, IReadOnlyList<string> externalIds, CancellationToken ct)
    {
        var ids = externalIds as List<string> ?? [.. externalIds];
        return (await db.Orders.AsNoTracking()
            .Where(o => o.Source == source && EF.Parameter(ids).Contains(o.ExternalId))
            .Select(o => o.ExternalId).ToListAsync(ct)).ToHashSet();
    }

    /// <summary>The SKU a line names, or one derived from the product name (stable across runs and machines).</summary>
    public static string SkuOf(ImportedOrderLine line)
    {
        if (!string.IsNullOrWhiteSpace(line.Sku)) return line.Sku.Trim();
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(line.ProductName?.Trim() ?? ""));
        return "N-" + Convert.ToHexString(hash, 0, 10);
    }

    string Sku(ImportedOrderLine line)
    {
        if (!string.IsNullOrWhiteSpace(line.Sku)) return line.Sku.Trim();
        var name = line.ProductName ?? "";
        if (derivedSkus.TryGetValue(name, out var sku)) return sku;
        if (derivedSkus.Count >= MaxCachedSkus) derivedSkus.Clear();
        return derivedSkus[name] = SkuOf(line);
    }

    /// <summary>
    /// The product of every SKU the lines name, created when the catalogue lacks it. Products found in the database
    /// are remembered for the writer's lifetime (one import): a shop sells a few hundred products over millions of
    /// lines, and looking all of them up again every batch was 5% of the writer. Products created here are not
    /// remembered until a later lookup finds them committed, so a rolled-back batch leaves nothing stale behind;
    /// a product deleted meanwhile fails the import on its foreign key rather than writing a dangling line.
    /// </summary>
    async Task<Dictionary<string, Guid>> ProductsAsync(List<ImportedOrder> orders, CancellationToken ct)
    {
        var wanted = new Dictionary<string, string>();
        foreach (var line in orders.SelectMany(o => o.Lines)) wanted.TryAdd(Sku(line), line.ProductName?.Trim() ?? Sku(line));
        var known = new Dictionary<string, Guid>(wanted.Count);
        var skus = new List<string>();
        foreach (var sku in wanted.Keys)
            if (knownProducts.TryGetValue(sku, out var id)) known[sku] = id;
            else skus.Add(sku);
        if (skus.Count == 0) return known;
        var found = await db.Products.AsNoTracking().Where(p => EF.Parameter(skus).Contains(p.Sku)).Select(p => new { p.Sku, p.Id }).ToListAsync(ct);
        if (knownProducts.Count + found.Count > MaxCachedSkus) knownProducts.Clear();
        foreach (var p in found) known[p.Sku] = knownProducts[p.Sku] = p.Id;
        var missing = wanted.Where(w => !known.ContainsKey(w.Key)).ToList();
        if (missing.Count == 0) return known;
        var category = await ImportedCategoryAsync(ct);
        var created = missing.Select(m => new Product { Id = ids.Next(), Sku = m.Key, Name = Truncate(m.Value, 200), CategoryId = category }).ToList();
        await BulkWriter.InsertAsync(db, created, ct);
        foreach (var p in created) known[p.Sku] = p.Id;
        return known;
    }

    async Task<Guid> ImportedCategoryAsync(CancellationToken ct)
    {
        var id = await db.Categories.Where(c => c.Code == ImportedCategoryCode).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);
        if (id is { } found) return found;
        var category = new Category { Id = Ids.New(), Code = ImportedCategoryCode, Name = "导入商品 Imported" };
        await BulkWriter.InsertAsync(db, [category], ct);
        return category.Id;
    }

    async Task<Dictionary<string, Guid>> StoresAsync(List<ImportedOrder> orders, CancellationToken ct) =>
        orders.Any(o => o.Store is not null) ? await StoreKeysAsync(ct) : [];

    /// <summary>Every store by code and by name; a store the catalogue does not know leaves the order without a store.</summary>
    public async Task<Dictionary<string, Guid>> StoreKeysAsync(CancellationToken ct)
    {
        var all = await db.Stores.AsNoTracking().Select(s => new { s.Id, s.Code, s.Name }).ToListAsync(ct);
        var map = new Dictionary<string, Guid>();
        foreach (var s in all) { map.TryAdd(s.Code, s.Id); map.TryAdd(s.Name, s.Id); }
        return map;
    }

    static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];
}
