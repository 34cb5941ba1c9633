using Microsoft.EntityFrameworkCore;
using Patron.Customers.Contracts;
using Patron.Platform;

namespace Patron.Commerce.Contracts;

/// <summary>Which orders exist, by (source channel, external id), for importers that report per row.</summary>
public sealed class OrderKeys(PatronDb db)
{
    /// <summary>The external ids among <paramref name="externalIds"/> that exist.</summary>
    public async Task<HashSet<string>> ExistingAsync(SalesChannel source, IReadOnlyCollection<string> externalIds, CancellationToken ct)
    {
        if (externalIds.Count == 0) return [];
        var ids = externalIds.Distinct().ToList();
        var query = db.Orders.AsNoTracking().Where(o => o.Source == source && EF.Parameter(ids).Contains(o.ExternalId));
        return (await query.Select(o => o.ExternalId).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>When each of these external ids that exists was written (one query), read through <paramref name="reader"/>.</summary>
    public static async Task<Dictionary<string, DateTime>> WrittenAtAsync(PatronDb reader, SalesChannel source, List<string> externalIds, CancellationToken ct)
    {
        if (externalIds.Count == 0) return new(StringComparer.Ordinal);
        return await reader.Orders.AsNoTracking().Where(o => o.Source == source && EF.Parameter(externalIds).Contains(o.ExternalId))
            .Select(o => new { o.ExternalId, o.CreatedAt }).ToDictionaryAsync(o => o.ExternalId, o => o.CreatedAt, StringComparer.Ordinal, ct);
    }
}
