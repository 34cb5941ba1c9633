using Microsoft.EntityFrameworkCore;
using Patron.Platform;

namespace Patron.Customers.Merging;

public sealed record PassReport(int Customers, int Merged, int Queued, DateTime? CoveredUntil);

/// <summary>
/// One incremental pass: the customers created since the previous pass (however they were created: the API, a page, an
/// import) are matched against everyone. It continues from the batch run: until the batch has run once there is no
/// baseline and nothing is done, so switching identity resolution on is running `patron dedupe` (or the API's run).
/// A pass takes at most <see cref="Batch"/> customers; the next pass goes on from there.
/// </summary>
public sealed class MatchNewCustomersPassHandler(PatronDb db, MatchNewCustomersHandler match, TimeProvider clock)
{
    const int Batch = 2000;

    public async Task<PassReport> HandleAsync(CancellationToken ct = default)
    {
        var runs = db.Set<MatchRun>().AsNoTracking();
        var since = await runs.Where(r => r.Incremental).MaxAsync(r => r.CoveredUntil, ct)
            ?? await runs.Where(r => !r.Incremental).MaxAsync(r => (DateTime?)r.StartedAt, ct);
        if (since is null) return new PassReport(0, 0, 0, null);
        var news = await db.Customers.AsNoTracking().Where(c => c.CreatedAt > since).OrderBy(c => c.CreatedAt).Take(Batch)
            .Select(c => new { c.Id, c.CreatedAt }).ToListAsync(ct);
        if (news.Count == 0) return new PassReport(0, 0, 0, since);
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
}
