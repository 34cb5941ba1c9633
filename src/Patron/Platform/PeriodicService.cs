using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Patron.Platform;

/// <summary>
/// A hosted loop that runs one round of work in its own scope every <see cref="Every"/>. A failed round is logged and
/// the next one tries again; it never stops the host. Runs only under a host (the web app), not in the CLI.
/// </summary>
abstract class PeriodicService(IServiceScopeFactory scopes, TimeProvider clock, ILogger log) : BackgroundService
{
    protected abstract TimeSpan Every { get; }

    /// <summary>What a failed round is called in the log, e.g. "Matching new customers".</summary>
    protected abstract string Work { get; }

    protected abstract Task RunOnceAsync(IServiceProvider services, ILogger log, CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(Every, clock, stoppingToken).ContinueWith(_ => { }, CancellationToken.None);
            if (stoppingToken.IsCancellationRequested) return;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await RunOnceAsync(scope.ServiceProvider, log, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                log.LogError(e, "{Work} failed; trying again in {Seconds} s.", Work, Every.TotalSeconds);
            }
        }
    }
}
