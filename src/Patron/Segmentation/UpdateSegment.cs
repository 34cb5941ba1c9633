using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Patron.Engine.Segments;
using Patron.Platform;
using Patron.Platform.Audit;
using Patron.Segmentation.Contracts;

namespace Patron.Segmentation;

public sealed record UpdateSegment(string? Name, JsonNode? Rule, string? Description = null);

/// <summary>Replaces name, description and rule; a changed rule is applied to the membership by the next refresh.</summary>
public sealed class UpdateSegmentHandler(PatronDb db, SegmentationEngine engine, AuditLog audit, SegmentationSignal signal, TimeProvider clock)
{
    public async Task<WriteResult<SegmentView>> HandleAsync(Guid id, UpdateSegment request, Actor actor, CancellationToken ct = default)
    {
        var segment = await db.Segments.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (segment is null) return WriteResult<SegmentView>.Missing();
        var errors = new ValidationErrors();
        var (name, description) = SegmentViews.Text(request.Name, request.Description, errors);
        var rule = await RuleCheck.ParseAsync(request.Rule, engine, errors, ct);
        await CheckNameAsync(id, name, errors, ct);
        if (errors.Any || rule is null) return WriteResult<SegmentView>.Invalid(errors);

        (segment.Name, segment.Description, segment.RuleJson) = (name, description, SegmentRuleJson.Write(rule));
        (segment.UpdatedBy, segment.UpdatedAt) = (actor.Name, clock.GetUtcNow().UtcDateTime);
        audit.Add(actor, AuditAction.Update, "segment", detail: name);
        if (!await UniqueSave.TrySaveAsync(db, errors, () => CheckNameAsync(id, name, errors, ct), ct)) return WriteResult<SegmentView>.Invalid(errors);
        signal.Poke();
        return WriteResult<SegmentView>.Ok(SegmentViews.View(segment));
    }

    async Task CheckNameAsync(Guid id, string name, ValidationErrors errors, CancellationToken ct)
    {
        if (name.Length > 0 && await db.Segments.AnyAsync(s => s.Name == name && s.Id != id, ct))
            errors.Add("name", "Another segment already has this name. 已有同名分群。");
    }
}
