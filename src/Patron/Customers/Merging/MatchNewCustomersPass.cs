using Microsoft.EntityFrameworkCore;
using Patron.Platform;

namespace Patron.Customers.Merging;

/// <param name="Started">This call switched incremental matching on: it marked the existing customers and matched none.</param>
public sealed record PassReport(int Customers, int Merged, int Queued, bool Started = false);

/// <summary>
/// One incremental pass: up to <see cref="BatchSize"/> customers that no matching has covered yet (MatchedAt is null,
/// which is how the API, the pages and the imports all write a new customer), oldest first, are matched against everyone
/// and then marked, in the same transaction as the pass's run record. A per-customer marker rather than a creation-time
/// watermark, because creation time is not commit order: an import stamps a whole long batch with its start time, and an
/// API customer committed meanwhile would carry a watermark past it. A customer absorbed meanwhile is not matched (the
/// query sees live customers only; a merge marks the absorbed record); the pair of an undone merge stays rejected.
/// With no run at all yet (a fresh install, or identity resolution never run), the first call marks every existing
/// customer as covered and matches none: those are left to the batch run (`patron dedupe`, with its --dry-run, which
/// marks what it compares), so that switching Patron on never merges a shop's existing records unasked and behind its back.
/// </summary>
public sealed class MatchNewCustomersPassHandler(PatronDb db, MatchNewCustomersHandler match, TimeProvider clock)
{
    internal int BatchSize { get; init; } = 2000;

    public async Task<PassReport> HandleAsync(CancellationToken ct = default)
    {
        if (await StartAsync(ct)) return new PassReport(0, 0, 0, Started: true);
        var news = await db.Customers.AsNoTracking().Where(c => c.MatchedAt == null)
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).Take(BatchSize).Select(c => c.Id).ToListAsync(ct);
        if (news.Count == 0) return new PassReport(0, 0, 0);
        var started = clock.GetUtcNow().UtcDateTime;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var outcome = await match.HandleAsync(new MatchNewCustomers(news), ct);
        // Merges commit one by one; were the pass to fail before this, the next would match these again and find their
        // pairs already decided.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await MarkAsync(db, news, clock.GetUtcNow().UtcDateTime, ct);
        db.Add(new MatchRun
        {
            Id = Ids.New(), Incremental = true, StartedAt = started, Seconds = watch.Elapsed.TotalSeconds,
            Customers = news.Count, Merged = outcome.Merged.Count, Queued = outcome.Queued.Count, Refused = outcome.Refused,
        });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new PassReport(news.Count, outcome.Merged.Count, outcome.Queued.Count);
    }

    /// <summary>
    /// Switches incremental matching on when no run has happened yet: marks every customer there is as covered and
    /// records a run, in one transaction. Returns whether it did. The web host calls it at start-up, before it serves
    /// anything, so that "the customers there before" means the ones there when the app started, not the ones there
    /// when the first pass comes round some seconds later.
    /// </summary>
    public async Task<bool> StartAsync(CancellationToken ct = default)
    {
        if (await db.Set<MatchRun>().AnyAsync(ct)) return false;
        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Customers.IgnoreQueryFilters().Where(c => c.MatchedAt == null).ExecuteUpdateAsync(s => s.SetProperty(c => c.MatchedAt, now), ct);
        db.Add(new MatchRun { Id = Ids.New(), Incremental = true, StartedAt = now });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>Marks these customers (tombstones too: one absorbed by the run was covered by it) where not marked yet.</summary>
    internal static async Task MarkAsync(PatronDb db, List<Guid> ids, DateTime now, CancellationToken ct)
    {
        // One JSON/array parameter per chunk rather than thousands of scalar parameters.
        foreach (var chunk in ids.Chunk(10_000).Select(c => c.ToList()))
            await db.Customers.IgnoreQueryFilters().Where(c => EF.Parameter(chunk).Contains(c.Id) && c.MatchedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.MatchedAt, now), ct);
    }
}
