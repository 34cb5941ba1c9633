using Microsoft.EntityFrameworkCore;
using Patron.Platform;
using Patron.Platform.Audit;

namespace Patron.Customers.Merging;

/// <param name="Accept">True merges the pair; false marks it as two different people, never to be queued again.</param>
public sealed record DecideCandidate(Guid CandidateId, bool Accept);

public sealed record CandidateDecided(Guid CandidateId, CandidateStatus Status, Guid? MergeId);

public sealed class DecideCandidateHandler(PatronDb db, MergeCustomersHandler merge, AuditLog audit, TimeProvider clock)
{
    public async Task<WriteResult<CandidateDecided>> HandleAsync(DecideCandidate request, Actor actor, CancellationToken ct = default)
    {
        var candidate = await db.Set<MatchCandidate>().FirstOrDefaultAsync(c => c.Id == request.CandidateId, ct);
        if (candidate is null) return WriteResult<CandidateDecided>.Missing();
        var errors = new ValidationErrors();
        if (candidate.Status != CandidateStatus.Pending) errors.Add("candidateId", $"This pair was already decided ({candidate.Status}).");
        if (errors.Any) return WriteResult<CandidateDecided>.Invalid(errors);
        if (request.Accept)
        {
            var done = await merge.HandleAsync(new MergeCustomers(candidate.FirstId, candidate.SecondId), actor, MergeTrigger.Review, candidate.Score, ct);
            if (done.Value is not { } m) return done.NotFound ? WriteResult<CandidateDecided>.Missing() : WriteResult<CandidateDecided>.Invalid(done.Errors!);
            return WriteResult<CandidateDecided>.Ok(new CandidateDecided(candidate.Id, CandidateStatus.Merged, m.MergeId));
        }
        (candidate.Status, candidate.DecidedAt, candidate.DecidedBy) = (CandidateStatus.Rejected, clock.GetUtcNow().UtcDateTime, actor.Name);
        audit.Add(actor, AuditAction.Update, "customer.match-rejected", candidate.FirstId, $"not the same person as {candidate.SecondId}");
        await db.SaveChangesAsync(ct);
        return WriteResult<CandidateDecided>.Ok(new CandidateDecided(candidate.Id, CandidateStatus.Rejected, null));
    }
}
