using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Patron.Platform;

namespace Patron.Analytics.Predictions;

/// <summary>
/// Refreshes the predictions when the latest run is older than Patron:Predictions:RefreshHours, checking every
/// quarter of an hour (so a restart or a clock change never waits a whole period). A failed refresh is logged and
/// tried again at the next check; it never stops the host.
/// </summary>
sealed class PredictionSchedule(IServiceScopeFactory scopes, TimeProvider clock, IOptions<PredictionOptions> options,
    ILogger<PredictionSchedule> log) : BackgroundService
{
    static readonly TimeSpan Check = TimeSpan.FromMinutes(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var hours = options.Value.RefreshHours;
        if (hours == 0) return;
        // Let start-up (migration, demo data, the first page) go first.
        await Task.Delay(TimeSpan.FromSeconds(5), clock, stoppingToken).ContinueWith(_ => { }, CancellationToken.None);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RefreshIfDueAsync(TimeSpan.FromHours(hours), stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogError(e, "Refreshing the predictions failed; trying again in {Minutes} minutes.", Check.TotalMinutes);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            await Task.Delay(Check, clock, stoppingToken).ContinueWith(_ => { }, CancellationToken.None);
        }
    }

    async Task RefreshIfDueAsync(TimeSpan period, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PatronDb>();
        var last = await db.Set<PredictionRun>().MaxAsync(r => (DateTime?)r.ComputedAt, ct);
        if (last is { } l && clock.GetUtcNow().UtcDateTime - l < period) return;
        var result = await scope.ServiceProvider.GetRequiredService<RefreshPredictionsHandler>().HandleAsync(ct);
        if (result.Run is { } run)
            log.LogInformation("Predictions refreshed for {Customers} customers in {Seconds:0.0} s.", run.Customers, run.Seconds);
        else
            log.LogInformation("Predictions not refreshed: {Reason}", result.Skipped);
    }
}
