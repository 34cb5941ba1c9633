using Microsoft.EntityFrameworkCore;
using Patron.Platform;

namespace Patron.Customers.Merging;

public sealed record MergeView(Guid MergeId, Guid SurvivorId, Guid AbsorbedId, string AbsorbedName, MergeTrigger Trigger, double? Score,
    DateTime MergedAt, string MergedBy, DateTime? UnmergedAt, string? UnmergedBy, int RowsMoved);

/// <summary>The merges a customer took part in, as survivor or absorbed, newest first.</summary>
public sealed class MergeHistoryHandler(PatronDb db)
{
    public async Task<IReadOnlyList<MergeView>> HandleAsync(Guid customerId, CancellationToken ct = default)
    {
        var merges = await db.Set<CustomerMerge>().AsNoTracking().Where(m => m.SurvivorId == customerId || m.AbsorbedId == customerId)
            .OrderByDescending(m => m.MergedAt).ToListAsync(ct);
        var ids = merges.Select(m => m.Id).ToList();
        var moved = await db.Set<MergeMove>().Where(m => ids.Contains(m.MergeId)).GroupBy(m => m.MergeId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var absorbed = merges.Select(m => m.AbsorbedId).ToList();
        var names = await db.Customers.IgnoreQueryFilters().Where(c => absorbed.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        return [.. merges.Select(m => new MergeView(m.Id, m.SurvivorId, m.AbsorbedId, names.GetValueOrDefault(m.AbsorbedId, ""), m.Trigger, m.Score,
            m.MergedAt, m.MergedBy, m.UnmergedAt, m.UnmergedBy, moved.GetValueOrDefault(m.Id)))];
    }
}
