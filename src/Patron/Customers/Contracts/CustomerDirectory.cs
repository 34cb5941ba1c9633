using Microsoft.EntityFrameworkCore;
using Patron.Platform;

namespace Patron.Customers.Contracts;

/// <summary>What other modules may ask of the customers module without touching its tables.</summary>
public sealed class CustomerDirectory(PatronDb db)
{
    public async Task<Dictionary<Guid, string>> NamesAsync(IEnumerable<Guid> ids, CancellationToken ct = default)
    {
        var set = ids.Distinct().ToList();
        if (set.Count == 0) return [];
        return await db.Customers.AsNoTracking().Where(c => set.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
    }

    public Task<bool> ExistsAsync(Guid id, CancellationToken ct = default) => db.Customers.AnyAsync(c => c.Id == id, ct);
}
