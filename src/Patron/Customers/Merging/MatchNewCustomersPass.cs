using Microsoft.EntityFrameworkCore;
using Patron.Platform;

namespace Patron.Customers.Merging;

public sealed record PassReport(int Customers, int Merged, int Queued, DateTime? CoveredUntil);

/// <summary>
/// One incremental pass: the customers created since the previous pass (however they were created: the API, a page, an
/// import) are matched against everyone. It goes on from the previous pass, or from the last batch run. With neither
/// (a fresh install, or identity resolution never run), the first pass records "now" as its start and matches the
/// customers created from then on: the ones already there are left to the batch run (`patron dedupe`, with its
/// --dry-run), so that switching Patron on never merges a shop's existing records unasked and behind its back.
/// A pass takes about <see cref="BatchSize"/> customers, never splitting those created at the same instant (an import
/// writes thousands with one time), since the next pass starts after the last time covered.
/// </summary>
public sealed class MatchNewCustomersPassHandler(PatronDb db, MatchNewCustomersHandler match, TimeProvider clock)
{
    internal int BatchSize { get; init; } = 2000;

    public async Task<PassReport> HandleAsync(CancellationToken ct = default)
    {
        var runs = db.Set<MatchRun>().AsNoTracking();
        var since = await runs.Where(r => r.Incremental).MaxAsync(r => r.CoveredUntil, ct)
            ?? await runs.Where(r => !r.Incremental).MaxAsync(r => (DateTime?)r.StartedAt, ct);
        if (since is null) return await StartFromNowAsync(ct);

        var news = await db.Customers.AsNoTracking().Where(c => c.CreatedAt > since).OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).Take(BatchSize).Select(c => new { c.Id, c.CreatedAt }).ToListAsync(ct);
        if (news.Count == 0) return new PassReport(0, 0, 0, since);
        if (news.Count == BatchSize)
        {
            var last = news[^1].CreatedAt;
            var taken = news.Where(n => n.CreatedAt == last).Select(n => n.Id).ToList();
            news.AddRange(await db.Customers.AsNoTracking().Where(c => c.CreatedAt == last && !EF.Parameter(taken).Contains(c.Id))
                .Select(c => new { c.Id, c.CreatedAt }).ToListAsync(ct));
        }
        var started = clock.GetUtcNow().UtcDateTime;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var outcome = await match.HandleAsync(new MatchNewCustomers([.. news.Select(n => n.Id)]), ct);
        var covered = news[^1].CreatedAt;
        db.Add(new MatchRun
        {
            Id = Ids.New(), Incremental = true, CoveredUntil = covered, StartedAt = started, Seconds = watch.Elapsed.TotalSeconds,
            Customers = news.Count, Merged = outcome.Merged.Count, Queued = outcome.Queued.Count, Refused = outcome.Refused,
        });
        await db.SaveChangesAsync(ct);
        return new PassReport(news.Count, outcome.Merged.Count, outcome.Queued.Count, covered);
    }

    /// <summary>The first pass ever: a watermark, from which the next passes go on.</summary>
    async Task<PassReport> StartFromNowAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        db.Add(new MatchRun { Id = Ids.New(), Incremental = true, CoveredUntil = now, StartedAt = now });
        await db.SaveChangesAsync(ct);
        return new PassReport(0, 0, 0, now);
    }
}
