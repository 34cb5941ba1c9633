using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Patron.Engine.Matching;
using Patron.Platform;

namespace Patron.Customers.Merging;

/// <param name="DryRun">Score and report what would merge and be queued, writing nothing.</param>
public sealed record RunMatching(bool DryRun = false, double Upper = MatchModel.DefaultUpper, double Review = MatchModel.DefaultReview);

public sealed record MatchRunReport(Guid? RunId, int Customers, long PairsCompared, int Merged, int Queued, int Refused,
    double LoadSeconds, double ResolveSeconds, double WriteSeconds, IReadOnlyList<FoundPair> MergedPairs, IReadOnlyList<FoundPair> QueuedPairs)
{
    public double Seconds => LoadSeconds + ResolveSeconds + WriteSeconds;
}

/// <summary>
/// Batch identity resolution over the customers table: stream the live customers into engine records, resolve them
/// with blocking (<see cref="Resolver"/>), then merge the pairs at or above the upper threshold and queue those between
/// the thresholds. Pairs linked only by a shared identifier are not merged here: the identifier table keeps (kind, value)
/// unique, and a pair that shares a mobile or card also shares most of the score, so it reaches the merge threshold anyway.
/// A run (not a dry run) marks the customers it compared that no matching had covered yet, so that the incremental
/// pass does not match them again.
/// </summary>
public sealed class RunMatchingHandler(PatronDb db, MatchDecisions decisions, TimeProvider clock)
{
    public async Task<MatchRunReport> HandleAsync(RunMatching request, CancellationToken ct = default)
    {
        var started = clock.GetUtcNow().UtcDateTime;
        var watch = Stopwatch.StartNew();
        // Read before the rows, so that each of these is among them: the run covers them and marks them, below.
        var unmarked = request.DryRun ? [] : await db.Customers.AsNoTracking().Where(c => c.MatchedAt == null).Select(c => c.Id).ToListAsync(ct);
        var rows = new List<MatchRow>();
        await foreach (var row in CustomerMatchRecords.Project(db.Customers.AsNoTracking()).AsAsyncEnumerable().WithCancellation(ct)) rows.Add(row);
        var load = watch.Elapsed.TotalSeconds;
        watch.Restart();
        var records = CustomerMatchRecords.Prepare(rows);
        var settings = MatchModel.Settings(CustomerMatchRecords.Roles, request.Upper, request.Review);
        var resolution = rows.Count < 2 ? null : Resolver.Resolve(records, settings);
        var pairs = resolution?.Pairs.Select(p => new FoundPair(rows[p.A].Id, rows[p.B].Id, p.Score, CustomerMatchRecords.Contributions(records, p.Contributions), p.Decision)).ToList() ?? [];
        var resolve = watch.Elapsed.TotalSeconds;
        watch.Restart();
        var outcome = await decisions.ApplyAsync(pairs, request.DryRun, ct);
        var write = watch.Elapsed.TotalSeconds;
        Guid? runId = null;
        if (!request.DryRun)
        {
            var run = new MatchRun
            {
                Id = Ids.New(), StartedAt = started, Seconds = load + resolve + write, Customers = rows.Count,
                PairsCompared = resolution?.PairsCompared ?? 0, Merged = outcome.Merged.Count, Queued = outcome.Queued.Count, Refused = outcome.Refused,
            };
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await MatchNewCustomersPassHandler.MarkAsync(db, unmarked, clock.GetUtcNow().UtcDateTime, ct);
            db.Add(run);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            runId = run.Id;
        }
        return new MatchRunReport(runId, rows.Count, resolution?.PairsCompared ?? 0, outcome.Merged.Count, outcome.Queued.Count, outcome.Refused,
            load, resolve, write, outcome.Merged, outcome.Queued);
    }
}
