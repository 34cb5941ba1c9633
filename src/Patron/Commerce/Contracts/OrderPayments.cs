using Microsoft.EntityFrameworkCore;
using Patron.Customers.Contracts;
using Patron.Platform;

namespace Patron.Commerce.Contracts;

/// <summary>What orders named by their source and external id paid (fen), for other modules' reports (loyalty's sales with coupons).</summary>
public sealed class OrderPayments(PatronDb db)
{
    /// <summary>Paid amounts by (source, external id); orders not (yet) recorded are missing from the answer.</summary>
    public async Task<Dictionary<(SalesChannel Source, string ExternalId), long>> PaidAsync(IReadOnlyCollection<(SalesChannel Source, string ExternalId)> orders,
        CancellationToken ct = default)
    {
        var ids = orders.Select(o => o.ExternalId).Distinct().ToList();
        var wanted = orders.ToHashSet();
        var rows = new List<(SalesChannel, string, long)>();
        // In chunks: a parameter list has limits on both providers.
        foreach (var chunk in ids.Chunk(1000))
            rows.AddRange((await db.Orders.AsNoTracking().Where(o => chunk.Contains(o.ExternalId))
                .Select(o => new { o.Source, o.ExternalId, o.PaidAmount }).ToListAsync(ct)).Select(o => (o.Source, o.ExternalId, o.PaidAmount)));
        return rows.Where(r => wanted.Contains((r.Item1, r.Item2))).ToDictionary(r => (r.Item1, r.Item2), r => r.Item3);
    }
}
