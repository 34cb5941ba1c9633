using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Patron.Platform;

namespace Patron.Loyalty;

/// <summary>
/// Runs the daily loyalty jobs once a local day, from Patron:Loyalty:DailyJobsHour on, checking every quarter of an
/// hour (so a restart or a host that was down at that hour catches up the same day). Which jobs are due is read from
/// the recorded runs, so several hosts or a restart do not run a job twice a day (and if they did, the jobs are
/// idempotent). A failure is recorded and logged; it never stops the host.
/// </summary>
sealed class LoyaltySchedule(IServiceScopeFactory scopes, TimeProvider clock, IOptions<LoyaltyOptions> options, IOptions<PatronOptions> patron,
    ILogger<LoyaltySchedule> log) : BackgroundService
{
    static readonly TimeSpan Check = TimeSpan.FromMinutes(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var hour = options.Value.DailyJobsHour;
        if (hour == 0) return;
        var zone = patron.Value.FindZone();
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(TimeSpan.FromSeconds(10), clock, stoppingToken).ContinueWith(_ => { }, CancellationToken.None);
            try
            {
                var now = clock.GetUtcNow().UtcDateTime;
                if (TimeZoneInfo.ConvertTimeFromUtc(now, zone).Hour >= hour) await RunDueAsync(now, zone, stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogError(e, "The daily loyalty jobs failed; trying again in {Minutes} minutes.", Check.TotalMinutes);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            await Task.Delay(Check, clock, stoppingToken).ContinueWith(_ => { }, CancellationToken.None);
        }
    }

    async Task RunDueAsync(DateTime now, TimeZoneInfo zone, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var jobs = scope.ServiceProvider.GetRequiredService<LoyaltyJobs>();
        foreach (var job in await jobs.DueAsync(now, zone, ct))
        {
            var run = await jobs.RunAsync(job, now, ct);
            if (run.Succeeded) log.LogInformation("Loyalty job {Job}: {Summary}", job, run.Summary);
            else log.LogError("Loyalty job {Job} failed: {Summary}", job, run.Summary);
        }
    }
}
