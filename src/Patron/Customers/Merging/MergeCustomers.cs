using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Patron.Customers.Contracts;
using Patron.Platform;
using Patron.Platform.Audit;

namespace Patron.Customers.Merging;

public sealed record MergeCustomers(Guid CustomerId, Guid OtherCustomerId);

public sealed record MergeDone(Guid MergeId, Guid SurvivorId, Guid AbsorbedId);

/// <summary>
/// Merges two customers in one transaction: the older survives, the golden record takes each field's best value
/// (<see cref="Survivorship"/>), every module re-points the absorbed customer's rows at the survivor, and the absorbed
/// record stays as a tombstone (MergedIntoId). Both records as they were are kept on the merge, for the unmerge.
/// </summary>
public sealed class MergeCustomersHandler(PatronDb db, IEnumerable<ICustomerMergeParticipant> participants, AuditLog audit, TimeProvider clock)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<WriteResult<MergeDone>> HandleAsync(MergeCustomers request, Actor actor, CancellationToken ct = default) =>
        await HandleAsync(request, actor, MergeTrigger.Manual, null, ct);

    internal async Task<WriteResult<MergeDone>> HandleAsync(MergeCustomers request, Actor actor, MergeTrigger trigger, double? score, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (request.CustomerId == request.OtherCustomerId) errors.Add("otherCustomerId", "A customer cannot be merged with itself.");
        var both = await db.Customers.IgnoreQueryFilters().Where(c => c.Id == request.CustomerId || c.Id == request.OtherCustomerId).ToListAsync(ct);
        if (errors.Any) return WriteResult<MergeDone>.Invalid(errors);
        if (both.Count < 2) return WriteResult<MergeDone>.Missing();
        foreach (var c in both.Where(c => c.MergedIntoId is not null))
            errors.Add(c.Id == request.CustomerId ? "customerId" : "otherCustomerId", "This customer was already merged into another.");
        if (errors.Any) return WriteResult<MergeDone>.Invalid(errors);

        var (survivor, absorbed) = Survivorship.Choose(both[0], both[1]);
        foreach (var p in participants)
            if (await p.CheckAsync(absorbed.Id, survivor.Id, ct) is { } reason) errors.Add("merge", reason);
        if (errors.Any) return WriteResult<MergeDone>.Invalid(errors);

        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var merge = new CustomerMerge
        {
            Id = Ids.New(), SurvivorId = survivor.Id, AbsorbedId = absorbed.Id, Trigger = trigger, Score = score,
            SurvivorBefore = JsonSerializer.Serialize(survivor, Json), AbsorbedBefore = JsonSerializer.Serialize(absorbed, Json),
            MergedAt = now, MergedBy = actor.Name,
        };
        db.Add(merge);
        await db.SaveChangesAsync(ct);
        foreach (var p in participants) await p.MoveAsync(absorbed.Id, survivor.Id, merge.Id, ct);

        Survivorship.Apply(survivor, absorbed);
        survivor.UpdatedAt = now;
        absorbed.MergedIntoId = survivor.Id;
        // A tombstone is never matched: marked, it leaves the incremental pass's index of customers to match.
        absorbed.MatchedAt ??= now;
        // The pair is decided now; recording it keeps the batch from queueing it again, and after an unmerge from re-merging it.
        var (first, second) = MatchCandidate.Ordered(survivor.Id, absorbed.Id);
        var candidate = await db.Set<MatchCandidate>().FirstOrDefaultAsync(c => c.FirstId == first && c.SecondId == second, ct);
        if (candidate is null)
            db.Add(candidate = new MatchCandidate { Id = Ids.New(), FirstId = first, SecondId = second, Score = score ?? 0, FoundAt = now });
        (candidate.Status, candidate.MergeId, candidate.DecidedAt, candidate.DecidedBy) = (CandidateStatus.Merged, merge.Id, now, actor.Name);
        audit.Add(actor, AuditAction.Update, "customer.merge", survivor.Id, $"absorbed {absorbed.Id} (merge {merge.Id}, {trigger})");
        await db.SaveChangesAsync(ct);
        if (tx is not null)
        {
            await tx.CommitAsync(ct);
            foreach (var p in participants) await p.CommittedAsync(absorbed.Id, survivor.Id, ct);
        }
        return WriteResult<MergeDone>.Ok(new MergeDone(merge.Id, survivor.Id, absorbed.Id));
    }
}
