using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Patron.Platform;

namespace Patron.Commerce;

/// <summary>
/// Drains the order outbox: every half minute it delivers the notices whose observer failed (or whose request died
/// between the commit and the delivery).
/// </summary>
sealed class OrderNoticeSchedule(IServiceScopeFactory scopes, TimeProvider clock, ILogger<OrderNoticeSchedule> log)
    : PeriodicService(scopes, clock, log)
{
    protected override TimeSpan Every => TimeSpan.FromSeconds(30);

    protected override string Work => "Delivering order notices";

    protected override async Task RunOnceAsync(IServiceProvider services, ILogger log, CancellationToken ct)
    {
        var delivered = await services.GetRequiredService<OrderNoticeDispatcher>().DispatchDueAsync(ct);
        if (delivered > 0) log.LogInformation("Delivered {Count} order notices on retry.", delivered);
    }
}
