using Microsoft.EntityFrameworkCore;
using Patron.Customers.Contracts;
using Patron.Platform;
using Patron.Segmentation.Contracts;

namespace Patron.Segmentation;

public sealed class ListSegmentsHandler(PatronDb db)
{
    public async Task<IReadOnlyList<SegmentView>> HandleAsync(CancellationToken ct = default) =>
        (await db.Segments.AsNoTracking().OrderBy(s => s.Name).ToListAsync(ct)).Select(SegmentViews.View).ToList();
}

public sealed class GetSegmentHandler(PatronDb db)
{
    public async Task<SegmentView?> HandleAsync(Guid id, CancellationToken ct = default) =>
        await db.Segments.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct) is { } s ? SegmentViews.View(s) : null;

    /// <summary>Sizes after each refresh that changed them, oldest first.</summary>
    public async Task<IReadOnlyList<SegmentSizePoint>> SizesAsync(Guid id, int take = 90, CancellationToken ct = default) =>
        (await db.SegmentSizes.AsNoTracking().Where(s => s.SegmentId == id).OrderByDescending(s => s.At).Take(take)
            .Select(s => new SegmentSizePoint(s.At, s.Members, s.Entered, s.Left)).ToListAsync(ct)).AsEnumerable().Reverse().ToList();
}

/// <summary>Current members of a saved segment from the materialised membership, longest-standing first.</summary>
public sealed class ListSegmentMembersHandler(PatronDb db, CustomerDirectory customers)
{
    public async Task<Page<SegmentMember>?> HandleAsync(Guid id, int pageIndex, int pageSize, CancellationToken ct = default)
    {
        if (!await db.Segments.AnyAsync(s => s.Id == id, ct)) return null;
        var (index, size) = Paging.Clamp(pageIndex, pageSize);
        var current = db.SegmentMemberships.AsNoTracking().Where(m => m.SegmentId == id && m.LeftAt == null);
        var total = await current.CountAsync(ct);
        var rows = await current.OrderBy(m => m.EnteredAt).ThenBy(m => m.CustomerId).Skip(index * size).Take(size)
            .Select(m => new { m.CustomerId, m.EnteredAt }).ToListAsync(ct);
        var names = await customers.NamesAsync(rows.Select(r => r.CustomerId), ct);
        return new Page<SegmentMember>([.. rows.Select(r => new SegmentMember(r.CustomerId, names.GetValueOrDefault(r.CustomerId, ""), r.EnteredAt))],
            total, index, size);
    }
}

/// <summary>The segments a customer is in now.</summary>
public sealed class CustomerSegmentsHandler(PatronDb db)
{
    public async Task<IReadOnlyList<CustomerSegment>> HandleAsync(Guid customerId, CancellationToken ct = default) =>
        await (from m in db.SegmentMemberships.AsNoTracking()
               where m.CustomerId == customerId && m.LeftAt == null
               join s in db.Segments on m.SegmentId equals s.Id
               orderby s.Name
               select new CustomerSegment(s.Id, s.Name, m.EnteredAt)).ToListAsync(ct);
}
