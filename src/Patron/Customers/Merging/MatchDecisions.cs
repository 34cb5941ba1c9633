using Microsoft.EntityFrameworkCore;
using Patron.Engine.Matching;
using Patron.Platform;
using Patron.Platform.Audit;

namespace Patron.Customers.Merging;

/// <summary>A scored pair of customers at or above the review threshold.</summary>
public sealed record FoundPair(Guid A, Guid B, double Score, string Contributions, MatchDecision Decision);

/// <summary>What became of the found pairs: merged, queued for review, or refused by a module (then queued instead).</summary>
public sealed record MatchOutcome(IReadOnlyList<FoundPair> Merged, IReadOnlyList<FoundPair> Queued, int Refused);

/// <summary>
/// Turns scored pairs into merges and review items, shared by the batch run and the matching of new customers. A pair
/// already known (pending, rejected or merged) is left alone, so reruns change nothing and a rejection sticks. Merges
/// come first, then the reviews are re-pointed at the surviving records, so the queue never shows a tombstone.
/// </summary>
public sealed class MatchDecisions(PatronDb db, MergeCustomersHandler merge, TimeProvider clock)
{
    public async Task<MatchOutcome> ApplyAsync(IReadOnlyList<FoundPair> pairs, bool dryRun, CancellationToken ct)
    {
        var known = (await db.Set<MatchCandidate>().AsNoTracking().Select(c => new { c.FirstId, c.SecondId }).ToListAsync(ct))
            .Select(c => (c.FirstId, c.SecondId)).ToHashSet();
        var survivorOf = new Dictionary<Guid, Guid>();
        Guid Live(Guid id) { while (survivorOf.TryGetValue(id, out var s)) id = s; return id; }
        var (merged, queued, refused) = (new List<FoundPair>(), new List<FoundPair>(), 0);
        var toQueue = new List<FoundPair>();
        foreach (var p in pairs.OrderByDescending(p => p.Score))
        {
            if (known.Contains(MatchCandidate.Ordered(p.A, p.B))) continue;
            if (p.Decision == MatchDecision.Review) { toQueue.Add(p); continue; }
            var (a, b) = (Live(p.A), Live(p.B));
            if (a == b) continue;
            if (dryRun)
            {
                var (older, newer) = a.CompareTo(b) < 0 ? (a, b) : (b, a);
                survivorOf[newer] = older;
                merged.Add(p);
                continue;
            }
            var done = await merge.HandleAsync(new MergeCustomers(a, b), Actor.System, MergeTrigger.Automatic, p.Score, ct);
            db.ChangeTracker.Clear();
            if (done.Value is { } m) { survivorOf[m.AbsorbedId] = m.SurvivorId; merged.Add(p); }
            else { refused++; toQueue.Add(p with { Decision = MatchDecision.Review }); }
        }
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var p in toQueue)
        {
            var (a, b) = (Live(p.A), Live(p.B));
            var pair = MatchCandidate.Ordered(a, b);
            if (a == b || !known.Add(pair)) continue;
            queued.Add(p with { A = pair.Item1, B = pair.Item2 });
            if (!dryRun)
                db.Add(new MatchCandidate { Id = Ids.New(), FirstId = pair.Item1, SecondId = pair.Item2, Score = p.Score, Contributions = p.Contributions, Status = CandidateStatus.Pending, FoundAt = now });
        }
        if (!dryRun) { await db.SaveChangesAsync(ct); db.ChangeTracker.Clear(); }
        return new MatchOutcome(merged, queued, refused);
    }
}
