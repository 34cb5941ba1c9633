using Microsoft.EntityFrameworkCore;
using Patron.Commerce.Contracts;
using Patron.Platform;

namespace Patron.Commerce;

public sealed class ListStoresHandler(PatronDb db)
{
    public Task<List<StoreView>> HandleAsync(CancellationToken ct = default) =>
        db.Stores.AsNoTracking().OrderBy(s => s.Code)
            .Select(s => new StoreView(s.Id, s.Code, s.Name, s.Province, s.City, s.District, s.Address, s.OpenedOn))
            .ToListAsync(ct);
}

public sealed class GetStoreHandler(PatronDb db)
{
    public Task<StoreView?> HandleAsync(Guid id, CancellationToken ct = default) =>
        db.Stores.AsNoTracking().Where(s => s.Id == id)
            .Select(s => new StoreView(s.Id, s.Code, s.Name, s.Province, s.City, s.District, s.Address, s.OpenedOn))
            .FirstOrDefaultAsync(ct);
}

public sealed class ListCategoriesHandler(PatronDb db)
{
    public Task<List<CategoryView>> HandleAsync(CancellationToken ct = default) =>
        db.Categories.AsNoTracking().OrderBy(c => c.Code).Select(c => new CategoryView(c.Id, c.Code, c.Name, c.ParentId)).ToListAsync(ct);
}

/// <param name="Search">Part of the name, or the start of the SKU.</param>
public sealed record ListProducts(string? Search = null, Guid? CategoryId = null, int PageIndex = 0, int PageSize = 25);

public sealed class ListProductsHandler(PatronDb db)
{
    public async Task<Page<ProductView>> HandleAsync(ListProducts q, CancellationToken ct = default)
    {
        var (index, size) = Paging.Clamp(q.PageIndex, q.PageSize);
        var query = db.Products.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q.Search))
        {
            var term = q.Search.Trim();
            query = query.Where(p => p.Name.Contains(term) || p.Sku.StartsWith(term));
        }
        if (q.CategoryId is { } cat) query = query.Where(p => p.CategoryId == cat);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(p => p.Sku).Skip(index * size).Take(size)
            .Join(db.Categories, p => p.CategoryId, c => c.Id, (p, c) => new ProductView(p.Id, p.Sku, p.Name, p.CategoryId, c.Name, p.ListPrice))
            .ToListAsync(ct);
        return new Page<ProductView>(rows, total, index, size);
    }
}

public sealed class GetProductHandler(PatronDb db)
{
    public Task<ProductView?> HandleAsync(Guid id, CancellationToken ct = default) =>
        db.Products.AsNoTracking().Where(p => p.Id == id)
            .Join(db.Categories, p => p.CategoryId, c => c.Id, (p, c) => new ProductView(p.Id, p.Sku, p.Name, p.CategoryId, c.Name, p.ListPrice))
            .FirstOrDefaultAsync(ct);
}
