using Microsoft.EntityFrameworkCore;
using Patron.Platform;

namespace Patron.Customers.Contracts;

/// <summary>Which identifiers already point at a customer, for importers that report per item.</summary>
public sealed class CustomerKeys(PatronDb db)
{
    /// <summary>The values among <paramref name="values"/> (normalised) that some customer owns as <paramref name="kind"/>.</summary>
    public async Task<HashSet<string>> OwnedAsync(IdentifierKind kind, IReadOnlyCollection<string> values, CancellationToken ct)
    {
        if (values.Count == 0) return [];
        var list = values.Distinct().ToList();
        return (await db.CustomerIdentifiers.AsNoTracking().Where(i => i.Kind == kind && EF.Parameter(list).Contains(i.Value))
            .Select(i => i.Value).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
    }
}
