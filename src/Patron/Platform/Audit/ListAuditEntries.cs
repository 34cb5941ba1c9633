using Microsoft.EntityFrameworkCore;

namespace Patron.Platform.Audit;

public sealed record ListAuditEntries(AuditAction? Action = null, Guid? CustomerId = null, int PageIndex = 0, int PageSize = 50);

public sealed record AuditEntryView(Guid Id, DateTime At, ActorKind ActorKind, string ActorId, string ActorName, AuditAction Action,
    string Subject, Guid? CustomerId, string? Detail, string? IpAddress);

/// <summary>The audit trail, newest first (the At index serves both the order and the paging).</summary>
public sealed class ListAuditEntriesHandler(PatronDb db)
{
    public async Task<Page<AuditEntryView>> HandleAsync(ListAuditEntries q, CancellationToken ct = default)
    {
        var (index, size) = Paging.Clamp(q.PageIndex, q.PageSize);
        var query = db.AuditEntries.AsNoTracking();
        if (q.Action is { } action) query = query.Where(a => a.Action == action);
        if (q.CustomerId is { } cid) query = query.Where(a => a.CustomerId == cid);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Skip(index * size).Take(size)
            .Select(a => new AuditEntryView(a.Id, a.At, a.ActorKind, a.ActorId, a.ActorName, a.Action, a.Subject, a.CustomerId, a.Detail, a.IpAddress))
            .ToListAsync(ct);
        return new Page<AuditEntryView>(rows, total, index, size);
    }
}
