using Microsoft.EntityFrameworkCore;
using Patron.Commerce.Contracts;
using Patron.Platform;
using Patron.Platform.Audit;

namespace Patron.Commerce;

/// <param name="CategoryId">The category by id, or give <paramref name="CategoryCode"/>.</param>
/// <param name="ListPrice">Fen.</param>
public sealed record CreateProduct(string? Sku, string? Name, Guid? CategoryId = null, string? CategoryCode = null, long ListPrice = 0);

public sealed class CreateProductHandler(PatronDb db, AuditLog audit)
{
    public async Task<WriteResult<ProductView>> HandleAsync(CreateProduct request, Actor actor, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        var sku = CatalogText.Code(request.Sku, "sku", errors);
        var name = CatalogText.Required(request.Name, 200, "name", errors);
        if (request.ListPrice < 0) errors.Add("listPrice", "Cannot be negative.");
        var category = await CategoryAsync(request, errors, ct);
        await CheckSkuAsync(sku, errors, ct);
        if (errors.Any || category is null) return WriteResult<ProductView>.Invalid(errors);

        var product = new Product { Id = Ids.New(), Sku = sku, Name = name, CategoryId = category.Id, ListPrice = request.ListPrice };
        db.Products.Add(product);
        audit.Add(actor, AuditAction.Create, "product", detail: sku);
        if (!await UniqueSave.TrySaveAsync(db, errors, () => CheckSkuAsync(sku, errors, ct), ct))
            return WriteResult<ProductView>.Invalid(errors);
        return WriteResult<ProductView>.Ok(new ProductView(product.Id, sku, name, category.Id, category.Name, product.ListPrice));
    }

    async Task<Category?> CategoryAsync(CreateProduct request, ValidationErrors errors, CancellationToken ct)
    {
        if (request.CategoryId is { } id)
        {
            var byId = await db.Categories.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
            if (byId is null) errors.Add("categoryId", "No category has this id.");
            else if (!string.IsNullOrWhiteSpace(request.CategoryCode) && request.CategoryCode.Trim() != byId.Code)
                errors.Add("categoryCode", "Names a different category than categoryId.");
            return byId;
        }
        if (string.IsNullOrWhiteSpace(request.CategoryCode))
        {
            errors.Add("categoryId", "Give the product's categoryId or categoryCode.");
            return null;
        }
        var code = request.CategoryCode.Trim();
        var byCode = await db.Categories.AsNoTracking().FirstOrDefaultAsync(c => c.Code == code, ct);
        if (byCode is null) errors.Add("categoryCode", "No category has this code.");
        return byCode;
    }

    async Task CheckSkuAsync(string sku, ValidationErrors errors, CancellationToken ct)
    {
        if (sku.Length > 0 && await db.Products.AnyAsync(p => p.Sku == sku, ct)) errors.Add("sku", "Another product already has this SKU.");
    }
}
