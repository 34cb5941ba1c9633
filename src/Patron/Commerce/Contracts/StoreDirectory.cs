using Microsoft.EntityFrameworkCore;
using Patron.Platform;

namespace Patron.Commerce.Contracts;

/// <summary>What other modules may ask about stores without touching the commerce tables.</summary>
public sealed class StoreDirectory(PatronDb db)
{
    public Task<bool> ExistsAsync(Guid id, CancellationToken ct = default) => db.Stores.AnyAsync(s => s.Id == id, ct);

    public Task<string?> NameAsync(Guid id, CancellationToken ct = default) =>
        db.Stores.Where(s => s.Id == id).Select(s => s.Name).FirstOrDefaultAsync(ct);
}
