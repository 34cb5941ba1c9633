using Microsoft.EntityFrameworkCore;
using Patron.Platform;

namespace Patron.Segmentation;

/// <summary>
/// Product → top-level category name, the level spend shares are kept at (水果, not 苹果): a handful of columns per
/// customer rather than one per leaf. Segmentation reads the catalog tables like Analytics does, never writes them.
/// </summary>
sealed class CatalogCategories
{
    Dictionary<Guid, string> byCategory = [];
    Dictionary<Guid, string> byProduct = [];

    public static async Task<CatalogCategories> LoadAsync(PatronDb db, CancellationToken ct)
    {
        var result = new CatalogCategories();
        await result.ReloadAsync(db, ct);
        return result;
    }

    public async Task ReloadAsync(PatronDb db, CancellationToken ct)
    {
        var categories = await db.Categories.AsNoTracking().Select(c => new { c.Id, c.Name, c.ParentId }).ToDictionaryAsync(c => c.Id, ct);
        byCategory = categories.Keys.ToDictionary(id => id, id =>
        {
            var c = categories[id];
            // Parents form a tree; the guard stops on a cycle someone wrote by hand.
            for (var hops = 0; c.ParentId is { } p && categories.TryGetValue(p, out var parent) && hops < 32; hops++) c = parent;
            return c.Name;
        });
        byProduct = await db.Products.AsNoTracking().Select(p => new { p.Id, p.CategoryId }).ToDictionaryAsync(p => p.Id, p => byCategory[p.CategoryId], ct);
    }

    public string? OfCategory(Guid categoryId) => byCategory.GetValueOrDefault(categoryId);

    public bool TryProduct(Guid productId, out string category) => byProduct.TryGetValue(productId, out category!);
}
