using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Patron.Customers.Contracts;
using Patron.Platform;
using Patron.Platform.Audit;

namespace Patron.Customers.Merging;

public sealed record UnmergeCustomers(Guid MergeId);

/// <summary>
/// Undoes a merge: every row the merge moved goes back to the absorbed customer, and both records get the values they
/// had before it. Rows the survivor gained after the merge stay with it. A merge that a later merge built on (the
/// survivor was itself absorbed since) must be undone from the latest first.
/// </summary>
public sealed class UnmergeCustomersHandler(PatronDb db, IEnumerable<ICustomerMergeParticipant> participants, AuditLog audit, TimeProvider clock)
{
    public async Task<WriteResult<MergeDone>> HandleAsync(UnmergeCustomers request, Actor actor, CancellationToken ct = default)
    {
        var merge = await db.Set<CustomerMerge>().FirstOrDefaultAsync(m => m.Id == request.MergeId, ct);
        if (merge is null) return WriteResult<MergeDone>.Missing();
        var errors = new ValidationErrors();
        if (merge.UnmergedAt is not null) errors.Add("mergeId", "This merge was already undone.");
        var customers = await db.Customers.IgnoreQueryFilters().Where(c => c.Id == merge.SurvivorId || c.Id == merge.AbsorbedId).ToListAsync(ct);
        var survivor = customers.Single(c => c.Id == merge.SurvivorId);
        var absorbed = customers.Single(c => c.Id == merge.AbsorbedId);
        if (survivor.MergedIntoId is not null) errors.Add("mergeId", "The survivor was merged again since; undo that merge first.");
        if (await db.Set<CustomerMerge>().AnyAsync(m => m.SurvivorId == merge.SurvivorId && m.UnmergedAt == null && m.MergedAt > merge.MergedAt, ct))
            errors.Add("mergeId", "The survivor absorbed another customer since; undo that merge first.");
        if (errors.Any) return WriteResult<MergeDone>.Invalid(errors);

        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var p in participants) await p.RestoreAsync(absorbed.Id, survivor.Id, merge.Id, ct);
        // The merge marked the absorbed record as covered by matching only because it became a tombstone: it gets back
        // the marker it had, so one no matching had covered yet is matched by the next pass (its pair with the survivor
        // stays rejected, below). A merge recorded before the marker existed does not know it: then the record stays as
        // covered as it is. The survivor's marker is not the merge's to undo: it stays as it is.
        var matched = (survivor.MatchedAt, MatchedBefore(merge.AbsorbedBefore, otherwise: absorbed.MatchedAt));
        db.Entry(survivor).CurrentValues.SetValues(JsonSerializer.Deserialize<Customer>(merge.SurvivorBefore, MergeCustomersHandler.Json)!);
        db.Entry(absorbed).CurrentValues.SetValues(JsonSerializer.Deserialize<Customer>(merge.AbsorbedBefore, MergeCustomersHandler.Json)!);
        (survivor.MatchedAt, absorbed.MatchedAt) = matched;
        (merge.UnmergedAt, merge.UnmergedBy) = (now, actor.Name);
        // The pair was found to be two people after all: a decided pair is not queued again.
        await db.Set<MatchCandidate>().Where(c => c.MergeId == merge.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, CandidateStatus.Rejected).SetProperty(c => c.DecidedAt, now).SetProperty(c => c.DecidedBy, actor.Name), ct);
        audit.Add(actor, AuditAction.Update, "customer.unmerge", survivor.Id, $"restored {absorbed.Id} (merge {merge.Id})");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        foreach (var p in participants) await p.CommittedAsync(absorbed.Id, survivor.Id, ct);
        return WriteResult<MergeDone>.Ok(new MergeDone(merge.Id, survivor.Id, absorbed.Id));
    }

    /// <summary>The matching marker in a record's JSON from before a merge; <paramref name="otherwise"/> when the merge predates markers.</summary>
    static DateTime? MatchedBefore(string json, DateTime? otherwise)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.TryGetProperty("matchedAt", out var value) ? value.Deserialize<DateTime?>(MergeCustomersHandler.Json) : otherwise;
    }
}
