using Microsoft.EntityFrameworkCore;
using Patron.Platform;
using Patron.Platform.Audit;
using Patron.Segmentation.Contracts;

namespace Patron.Loyalty;

/// <param name="BatchId">Names this issue: running it again (a retry, a double click) gives no member a second coupon.</param>
public sealed record IssueToSegment(Guid TemplateId, Guid SegmentId, string? BatchId);

/// <param name="Members">The segment's current members.</param>
/// <param name="Issued">New coupons from this run.</param>
/// <param name="AlreadyIssued">Members who had this batch's coupon from an earlier run.</param>
/// <param name="OverCustomerLimit">Members who already hold the most coupons of the template.</param>
/// <param name="OverTotalLimit">Members left without one because the template's total limit ran out.</param>
public sealed record SegmentIssued(int Members, int Issued, int AlreadyIssued, int OverCustomerLimit, int OverTotalLimit);

/// <summary>
/// Issues a template to every current member of a saved segment, audited. Each coupon's issue key is the batch's,
/// so a batch is idempotent per member; limits are those of one-by-one issuing (<see cref="CouponIssuer"/>).
/// </summary>
public sealed class IssueToSegmentHandler(PatronDb db, SegmentRoster roster, AuditLog audit, TimeProvider clock)
{
    const int BatchLength = 60;

    public async Task<WriteResult<SegmentIssued>> HandleAsync(IssueToSegment request, Actor actor, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        var batch = request.BatchId?.Trim();
        if (string.IsNullOrEmpty(batch)) errors.Add("batchId", "Required: it makes running the same issue again safe.");
        else if (batch.Length > BatchLength) errors.Add("batchId", $"At most {BatchLength} characters.");
        if (errors.Any) return WriteResult<SegmentIssued>.Invalid(errors);
        var template = await db.Set<CouponTemplate>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == request.TemplateId, ct);
        if (template is null) return WriteResult<SegmentIssued>.Missing();
        var now = clock.GetUtcNow().UtcDateTime;
        if (!CouponIssuer.Issuable(template, now))
        {
            errors.Add("templateId", "The template is no longer issued.");
            return WriteResult<SegmentIssued>.Invalid(errors);
        }

        var members = (await roster.CurrentMembersAsync(request.SegmentId, ct)).Order().ToList();
        int issued = 0, already = 0, overCustomer = 0, overTotal = 0;
        // Issue keys are per customer across templates: the same batch name may be used with another template.
        var key = $"batch:{template.Id:N}:{batch}";
        foreach (var customerId in members)
        {
            if (overTotal > 0)
            {
                // The total ran out: the rest get nothing, but a member who had it from an earlier run still counts as such.
                if (await CouponIssuer.FindAsync(db, customerId, key, ct) is null) overTotal++; else already++;
                continue;
            }
            switch ((await CouponIssuer.IssueAsync(db, template, customerId, key, now, ct)).Outcome)
            {
                case IssueOutcome.Issued: issued++; break;
                case IssueOutcome.Replayed: already++; break;
                case IssueOutcome.CustomerLimit: overCustomer++; break;
                case IssueOutcome.TotalLimit: overTotal++; break;
            }
        }
        var result = new SegmentIssued(members.Count, issued, already, overCustomer, overTotal);
        await audit.RecordAsync(actor, AuditAction.Create, "loyalty_coupon_batch", detail:
            $"Template {template.Name} ({template.Id}) to segment {request.SegmentId}, batch {batch}: {members.Count} members, {issued} issued, " +
            $"{already} already, {overCustomer} over the customer limit, {overTotal} over the total limit", ct: ct);
        return WriteResult<SegmentIssued>.Ok(result);
    }
}
