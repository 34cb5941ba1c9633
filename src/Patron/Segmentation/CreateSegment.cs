using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Patron.Engine.Segments;
using Patron.Platform;
using Patron.Platform.Audit;
using Patron.Segmentation.Contracts;

namespace Patron.Segmentation;

public sealed record CreateSegment(string? Name, JsonNode? Rule, string? Description = null);

/// <summary>Saves a segment after checking its rule against today's columns; members are filled by the next refresh.</summary>
public sealed class CreateSegmentHandler(PatronDb db, SegmentationEngine engine, AuditLog audit, SegmentationSignal signal, TimeProvider clock)
{
    public async Task<WriteResult<SegmentView>> HandleAsync(CreateSegment request, Actor actor, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        var (name, description) = SegmentViews.Text(request.Name, request.Description, errors);
        var rule = await RuleCheck.ParseAsync(request.Rule, engine, errors, ct);
        await CheckNameAsync(name, errors, ct);
        if (errors.Any || rule is null) return WriteResult<SegmentView>.Invalid(errors);

        var now = clock.GetUtcNow().UtcDateTime;
        var segment = new Segment
        {
            Id = Ids.New(), Name = name, Description = description, RuleJson = SegmentRuleJson.Write(rule),
            CreatedBy = actor.Name, CreatedAt = now, UpdatedBy = actor.Name, UpdatedAt = now,
        };
        db.Segments.Add(segment);
        audit.Add(actor, AuditAction.Create, "segment", detail: name);
        if (!await UniqueSave.TrySaveAsync(db, errors, () => CheckNameAsync(name, errors, ct), ct)) return WriteResult<SegmentView>.Invalid(errors);
        signal.Poke();
        return WriteResult<SegmentView>.Ok(SegmentViews.View(segment));
    }

    async Task CheckNameAsync(string name, ValidationErrors errors, CancellationToken ct)
    {
        if (name.Length > 0 && await db.Segments.AnyAsync(s => s.Name == name, ct))
            errors.Add("name", "Another segment already has this name. 已有同名分群。");
    }
}
