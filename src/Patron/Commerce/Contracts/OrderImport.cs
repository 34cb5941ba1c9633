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
    Guid? importedCategory;

    public async Task<OrderImportResult> WriteAsync(SalesChannel source, IReadOnlyList<ImportedOrder> orders, DateTime utcNow, CancellationToken ct)
    {
        var existing = await ExistingAsync(source, orders.Select(o => o.ExternalId).Distinct().ToList(), ct);
        var result = await WriteNewAsync(source, [.. orders.Where(o => !existing.Contains(o.ExternalId))], utcNow, ct);
        return result with { Duplicates = orders.Count - result.Created };
    }

    /// <summary>
    /// <see cref="WriteAsync"/> for orders the caller has just looked up with <see cref="ExistingAsync"/> in the same
    /// transaction and found absent: the second lookup of the same ids would find nothing new.
    /// </summary>
    public async Task<OrderImportResult> WriteNewAsync(SalesChannel source, IReadOnlyList<ImportedOrder> orders, DateTime utcNow, CancellationToken ct)
    {
        var plan = await PlanAsync(db, source, orders, utcNow, rememberCreated: false, ct);
        await plan.WriteAsync(db, ct);
        return plan.Result;
    }

    /// <summary>
    /// Decides a batch of orders that are not stored (the caller has checked) without writing it, reading the catalogue
    /// through <paramref name="reader"/>: for an import that decides one batch while the previous one is being written.
    /// Products and the category it creates are remembered at once, so the next batch does not create them again
    /// before this one commits; that is only safe because a batch that fails ends the import, and this writer with it.
    /// </summary>
    public Task<OrderImportPlan> PlanAsync(PatronDb reader, SalesChannel source, IReadOnlyList<ImportedOrder> orders, DateTime utcNow, CancellationToken ct) =>
        PlanAsync(reader, source, orders, utcNow, rememberCreated: true, ct);

    async Task<OrderImportPlan> PlanAsync(
        PatronDb reader, SalesChannel source, IReadOnlyList<ImportedOrder> orders, DateTime utcNow, bool rememberCreated, CancellationToken ct)
    {
        // Adding to the set also skips an external id named twice in the list.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var fresh = orders.Where(o => seen.Add(o.ExternalId)).ToList();
        var plan = new OrderImportPlan();
        var products = await ProductsAsync(reader, fresh, plan, rememberCreated, ct);
        var stores = fresh.Any(o => o.Store is not null) ? await StoreKeysAsync(reader, ct) : [];

        foreach (var o in fresh)
        {
            var order = new Order
            {
                Id = ids.Next(), Source = source, ExternalId = o.ExternalId, CustomerId = o.CustomerId, PlacedAt = o.PlacedAt,
                StoreId = o.Store is null ? null : stores.GetValueOrDefault(o.Store), Status = OrderStatus.Completed,
                PaymentMethod = PaymentMethod.Other, Currency = "CNY", CreatedAt = utcNow,
            };
            var lineNo = 0;
            long gross = 0;
            foreach (var l in o.Lines)
            {
                plan.Lines.Add(new OrderLine
                {
                    Id = ids.Next(), OrderId = order.Id, CustomerId = o.CustomerId, LineNo = ++lineNo,
                    ProductId = products[Sku(l)], Quantity = l.Quantity, UnitPrice = l.UnitPrice, Amount = l.Amount,
                });
                gross += l.Amount;
            }
            var paid = o.Paid ?? gross;
            // Paid above the lines is shipping or a fee; the invariant Paid = Gross - Discount keeps the discount ≥ 0.
            order.GrossAmount = Math.Max(gross, paid);
            order.PaidAmount = paid;
            order.DiscountAmount = order.GrossAmount - paid;
            plan.Orders.Add(order);
        }
        plan.Result = new OrderImportResult(plan.Orders.Count, plan.Lines.Count, orders.Count - plan.Orders.Count);
        return plan;
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
    /// The product of every SKU the lines name; those the catalogue lacks are added to <paramref name="plan"/>. Products
    /// found in the database are remembered for the writer's lifetime (one import): a shop sells a few hundred products
    /// over millions of lines, and looking all of them up again every batch was 5% of the writer. Products created here
    /// are remembered only when <paramref name="rememberCreated"/> (see <see cref="PlanAsync(PatronDb, SalesChannel, IReadOnlyList{ImportedOrder}, DateTime, CancellationToken)"/>):
    /// otherwise a rolled-back batch would leave them behind; a product deleted meanwhile fails the import on its
    /// foreign key rather than writing a dangling line.
    /// </summary>
    async Task<Dictionary<string, Guid>> ProductsAsync(PatronDb reader, List<ImportedOrder> orders, OrderImportPlan plan, bool rememberCreated, CancellationToken ct)
    {
        var wanted = new Dictionary<string, string>();
        foreach (var line in orders.SelectMany(o => o.Lines)) wanted.TryAdd(Sku(line), line.ProductName?.Trim() ?? Sku(line));
        var known = new Dictionary<string, Guid>(wanted.Count);
        var skus = new List<string>();
        foreach (var sku in wanted.Keys)
            if (knownProducts.TryGetValue(sku, out var id)) known[sku] = id;
            else skus.Add(sku);
        if (skus.Count == 0) return known;
        var found = await reader.Products.AsNoTracking().Where(p => EF.Parameter(skus).Contains(p.Sku)).Select(p => new { p.Sku, p.Id }).ToListAsync(ct);
        if (knownProducts.Count + found.Count > MaxCachedSkus) knownProducts.Clear();
        foreach (var p in found) known[p.Sku] = knownProducts[p.Sku] = p.Id;
        var missing = wanted.Where(w => !known.ContainsKey(w.Key)).ToList();
        if (missing.Count == 0) return known;
        var category = await ImportedCategoryAsync(reader, plan, rememberCreated, ct);
        foreach (var m in missing)
        {
            var product = new Product { Id = ids.Next(), Sku = m.Key, Name = Truncate(m.Value, 200), CategoryId = category };
            plan.Products.Add(product);
            known[product.Sku] = product.Id;
            if (rememberCreated) knownProducts[product.Sku] = product.Id;
        }
        return known;
    }

    async Task<Guid> ImportedCategoryAsync(PatronDb reader, OrderImportPlan plan, bool rememberCreated, CancellationToken ct)
    {
        if (importedCategory is { } remembered) return remembered;
        var id = await reader.Categories.Where(c => c.Code == ImportedCategoryCode).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);
        if (id is { } found) return found;
        plan.Category = new Category { Id = Ids.New(), Code = ImportedCategoryCode, Name = "导入商品 Imported" };
        if (rememberCreated) importedCategory = plan.Category.Id;
        return plan.Category.Id;
    }

    /// <summary>Every store by code and by name; a store the catalogue does not know leaves the order without a store.</summary>
    public Task<Dictionary<string, Guid>> StoreKeysAsync(CancellationToken ct) => StoreKeysAsync(db, ct);

    static async Task<Dictionary<string, Guid>> StoreKeysAsync(PatronDb reader, CancellationToken ct)
    {
        var all = await reader.Stores.AsNoTracking().Select(s => new { s.Id, s.Code, s.Name }).ToListAsync(ct);
        var map = new Dictionary<string, Guid>();
        foreach (var s in all) { map.TryAdd(s.Code, s.Id); map.TryAdd(s.Name, s.Id); }
        return map;
    }

    static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];
}

/// <summary>A batch of imported orders decided by <see cref="OrderImportWriter.PlanAsync(PatronDb, SalesChannel, IReadOnlyList{ImportedOrder}, DateTime, CancellationToken)"/>.</summary>
public sealed class OrderImportPlan
{
    internal Category? Category { get; set; }
    internal List<Product> Products { get; } = [];
    internal List<Order> Orders { get; } = [];
    internal List<OrderLine> Lines { get; } = [];

    public OrderImportResult Result { get; internal set; } = new(0, 0, 0);

    /// <summary>The external ids of the orders this plan writes.</summary>
    public IEnumerable<string> ExternalIds => Orders.Select(o => o.ExternalId);

    /// <summary>Bulk-writes the new category, products, orders and lines in the caller's transaction.</summary>
    public async Task WriteAsync(PatronDb db, CancellationToken ct)
    {
        if (Category is not null) await BulkWriter.InsertAsync(db, [Category], ct);
        if (Products.Count > 0) await BulkWriter.InsertAsync(db, Products, ct);
        await BulkWriter.InsertAsync(db, Orders, ct);
        await BulkWriter.InsertAsync(db, Lines, ct);
    }
}
