using Microsoft.EntityFrameworkCore;
using Patron.Platform;

namespace Patron.Commerce.Contracts;

/// <summary>What other modules may ask about stores and products without touching the commerce tables.</summary>
public sealed class StoreDirectory(PatronDb db)
{
    public Task<bool> ExistsAsync(Guid id, CancellationToken ct = default) => db.Stores.AnyAsync(s => s.Id == id, ct);

    public Task<string?> NameAsync(Guid id, CancellationToken ct = default) =>
        db.Stores.Where(s => s.Id == id).Select(s => s.Name).FirstOrDefaultAsync(ct);

    public Task<Dictionary<Guid, string>> NamesAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct = default) =>
        db.Stores.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, ct);

    /// <summary>Product names, for other modules that show what a customer looked at or bought.</summary>
    public Task<Dictionary<Guid, string>> ProductNamesAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct = default) =>
        db.Products.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);

    /// <summary>Each product's category, for loyalty's earn rules and coupon restrictions.</summary>
    public Task<Dictionary<Guid, Guid>> ProductCategoriesAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct = default) =>
        db.Products.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.CategoryId, ct);
}
