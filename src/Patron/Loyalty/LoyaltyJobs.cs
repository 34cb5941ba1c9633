using Microsoft.EntityFrameworkCore;
using Patron.Platform;

namespace Patron.Loyalty;

/// <summary>
/// The programme's daily jobs, each run recorded as a <see cref="LoyaltyJobRun"/> (what it did, or the error). A job
/// that fails is recorded and does not stop the next one. Each job is idempotent, so a rerun (the CLI, a second
/// host) changes nothing more.
/// </summary>
public sealed class LoyaltyJobs(PatronDb db, ExpirePointsHandler expire, RemindExpiringPointsHandler remind, EvaluateTiersHandler tiers,
    IssueTriggeredCouponsHandler triggered, TimeProvider clock)
{
    public const string Expire = "expire";
    public const string EvaluateTiers = "evaluate-tiers";
    public const string IssueTriggered = "issue-triggered";
    public static readonly IReadOnlyList<string> Daily = [Expire, EvaluateTiers, IssueTriggered];

    public async Task<LoyaltyJobRun> RunAsync(string job, DateTime asOf, CancellationToken ct = default)
    {
        var run = new LoyaltyJobRun { Id = Ids.New(), Job = job, AsOf = asOf, StartedAt = clock.GetUtcNow().UtcDateTime };
        try
        {
            run.Summary = job switch
            {
                Expire => await ExpireAsync(asOf, ct),
                EvaluateTiers => (await tiers.HandleAsync(new EvaluateTiers(asOf), ct)).ToString(),
                IssueTriggered => (await triggered.HandleAsync(new IssueTriggered(asOf), ct)).ToString(),
                _ => throw new ArgumentOutOfRangeException(nameof(job), job, $"One of {string.Join(", ", Daily)}."),
            };
            run.Succeeded = true;
        }
        catch (Exception e) when (e is not OperationCanceledException and not ArgumentOutOfRangeException)
        {
            run.Summary = $"{e.GetType().Name}: {e.Message}";
        }
        db.ChangeTracker.Clear();
        if (run.Summary.Length > LoyaltyJobRun.SummaryLength) run.Summary = run.Summary[..LoyaltyJobRun.SummaryLength];
        run.FinishedAt = clock.GetUtcNow().UtcDateTime;
        db.Add(run);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return run;
    }

    /// <summary>The jobs that have no run yet on the local day of <paramref name="asOf"/> (in <paramref name="zone"/>).</summary>
    public async Task<IReadOnlyList<string>> DueAsync(DateTime asOf, TimeZoneInfo zone, CancellationToken ct = default)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(asOf, zone).Date;
        var dayStart = TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone);
        var ran = await db.Set<LoyaltyJobRun>().AsNoTracking().Where(r => r.StartedAt >= dayStart).Select(r => r.Job).Distinct().ToListAsync(ct);
        return Daily.Except(ran).ToList();
    }

    public async Task<IReadOnlyList<LoyaltyJobRun>> RecentAsync(int take = 20, CancellationToken ct = default) =>
        await db.Set<LoyaltyJobRun>().AsNoTracking().OrderByDescending(r => r.StartedAt).Take(take).ToListAsync(ct);

    async Task<string> ExpireAsync(DateTime asOf, CancellationToken ct)
    {
        var expired = await expire.HandleAsync(new ExpirePoints(asOf), ct);
        var reminded = await remind.HandleAsync(asOf, ct);
        return $"expired {expired.Points} points in {expired.Lots} lots; {reminded.Reminders} reminders for {reminded.Points} points";
    }
}
