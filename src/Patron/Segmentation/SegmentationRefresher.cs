using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Patron.Segmentation;

/// <summary>
/// Loads the feature store at start-up, then refreshes saved segments and auto-tag rules whenever orders arrive (coalesced: one refresh per
/// burst) and every <see cref="SegmentationOptions.RefreshMinutes"/>, when it also re-cuts quintiles and tiers.
/// </summary>
public sealed class SegmentationRefresher(IServiceScopeFactory scopes, SegmentationEngine engine, SegmentationSignal signal,
    IOptions<SegmentationOptions> options, ILogger<SegmentationRefresher> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMinutes(options.Value.RefreshMinutes);
        while (!stoppingToken.IsCancellationRequested)
        {
            if (!await TryRefreshAsync(stoppingToken))
            {
                // A busy database (SQLite under a burst of writes) should delay a refresh by seconds, not by an interval.
                await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken);
                continue;
            }
            var poked = await signal.WaitAsync(interval, stoppingToken);
            if (poked) await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            else await engine.RebaseAsync(stoppingToken);
        }
    }

    async Task<bool> TryRefreshAsync(CancellationToken ct)
    {
        try
        {
            await engine.SyncCustomersAsync(ct);
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<RefreshMembershipsHandler>().HandleAsync(ct);
            await scope.ServiceProvider.GetRequiredService<RefreshAutoTagsHandler>().HandleAsync(ct);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "Segment refresh failed; retrying shortly.");
            return false;
        }
    }
}
