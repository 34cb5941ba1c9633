using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Patron.Platform;

namespace Patron.Customers.Merging;

/// <summary>
/// Matches new customers within seconds of their creation, whichever way they came in, by polling rather than by a
/// hook in every writer (the import's bulk writer, the API, the pages): one small pass every few seconds.
/// </summary>
sealed class NewCustomerMatching(IServiceScopeFactory scopes, TimeProvider clock, ILogger<NewCustomerMatching> log)
    : PeriodicService(scopes, clock, log)
{
    protected override TimeSpan Every => TimeSpan.FromSeconds(5);

    protected override string Work => "Matching new customers";

    protected override async Task RunOnceAsync(IServiceProvider services, ILogger log, CancellationToken ct)
    {
        var report = await services.GetRequiredService<MatchNewCustomersPassHandler>().HandleAsync(ct);
        if (report.Customers > 0)
            log.LogInformation("Matched {Customers} new customers: {Merged} merged, {Queued} queued for review.", report.Customers, report.Merged, report.Queued);
    }
}
