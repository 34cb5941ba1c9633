using Microsoft.EntityFrameworkCore;
using Patron.Platform;
using Patron.Platform.Audit;

namespace Patron.Segmentation;

/// <summary>Deletes a segment with its membership history and sizes (cascade); the audit log keeps that it existed.</summary>
public sealed class DeleteSegmentHandler(PatronDb db, AuditLog audit)
{
    public async Task<bool> HandleAsync(Guid id, Actor actor, CancellationToken ct = default)
    {
        var segment = await db.Segments.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (segment is null) return false;
        db.Segments.Remove(segment);
        audit.Add(actor, AuditAction.Delete, "segment", detail: segment.Name);
        await db.SaveChangesAsync(ct);
        return true;
    }
}
