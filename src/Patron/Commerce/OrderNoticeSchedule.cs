using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Patron.Commerce;

/// <summary>
/// Drains the order outbox: every half minute it delivers the notices whose observer failed (or whose request died
/// between the commit and the delivery). A failed round is logged and the next one tries again; it never stops the host.
/// </summary>
sealed class OrderNoticeSchedule(IServiceScopeFactory scopes, TimeProvider clock, ILogger<OrderNoticeSchedule> log) : BackgroundService
{
    static readonly TimeSpan Every = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(Every, clock, stoppingToken).ContinueWith(_ => { }, CancellationToken.None);
            if (stoppingToken.IsCancellationRequested) return;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var delivered = await scope.ServiceProvider.GetRequiredService<OrderNoticeDispatcher>().DispatchDueAsync(stoppingToken);
                if (delivered > 0) log.LogInformation("Delivered {Count} order notices on retry.", delivered);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogError(e, "Delivering order notices failed; trying again in {Seconds} s.", Every.TotalSeconds);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
