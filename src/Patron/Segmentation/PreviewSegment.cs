using System.Text.Json.Nodes;
using Patron.Customers.Contracts;
using Patron.Platform;
using Patron.Segmentation.Contracts;

namespace Patron.Segmentation;

/// <param name="Sample">How many members to name, 0–50.</param>
public sealed record PreviewSegment(JsonNode? Rule, int Sample = 10);

/// <summary>The builder's live count: evaluates an unsaved rule over the in-memory features, nothing is written.</summary>
public sealed class PreviewSegmentHandler(SegmentationEngine engine, CustomerDirectory customers)
{
    public async Task<WriteResult<SegmentPreview>> HandleAsync(PreviewSegment request, CancellationToken ct = default)
    {
        await engine.SyncCustomersIfStaleAsync(TimeSpan.FromSeconds(5), ct);
        var errors = new ValidationErrors();
        var rule = await RuleCheck.ParseAsync(request.Rule, engine, errors, ct);
        if (rule is null) return WriteResult<SegmentPreview>.Invalid(errors);
        var (count, sample) = await engine.CountAsync(rule, Math.Clamp(request.Sample, 0, 50), ct);
        var names = await customers.NamesAsync(sample, ct);
        return WriteResult<SegmentPreview>.Ok(new SegmentPreview(count,
            [.. sample.Select(id => new SegmentMember(id, names.GetValueOrDefault(id, ""), null))]));
    }
}
