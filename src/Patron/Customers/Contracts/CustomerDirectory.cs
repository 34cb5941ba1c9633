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

    /// <summary>
    /// The customer an identifier points at; <paramref name="value"/> must be normalised with <see cref="Normalise"/>.
    /// Falls back to the customer's own mobile or card column for records written without identifier rows, but only
    /// when exactly one customer matches: guessing between two would file a sale under the wrong person.
    /// </summary>
    public async Task<Guid?> FindAsync(IdentifierKind kind, string value, CancellationToken ct = default)
    {
        var linked = await db.CustomerIdentifiers.AsNoTracking().Where(i => i.Kind == kind && i.Value == value)
            .Select(i => (Guid?)i.CustomerId).FirstOrDefaultAsync(ct);
        if (linked is not null) return linked;
        var byColumn = kind switch
        {
            IdentifierKind.Mobile => db.Customers.Where(c => c.Mobile == value),
            IdentifierKind.MemberCard => db.Customers.Where(c => c.MemberCardNo == value),
            _ => null,
        };
        if (byColumn is null) return null;
        var ids = await byColumn.Select(c => c.Id).Take(2).ToListAsync(ct);
        return ids.Count == 1 ? ids[0] : null;
    }

    public Task<bool> ExistsAsync(Guid id, CancellationToken ct = default) => db.Customers.AnyAsync(c => c.Id == id, ct);
}
