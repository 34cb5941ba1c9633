using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Patron.Customers.Merging;

/// <summary>
/// Matches new customers within seconds of their creation, whichever way they came in, by polling rather than by a
/// hook in every writer (the import's bulk writer, the API, the pages): one small pass every few seconds.
/// Runs only under a host (the web app).
/// </summary>
sealed class NewCustomerMatching(IServiceScopeFactory scopes, TimeProvider clock, ILogger<NewCustomerMatching> log) : BackgroundService
{
    static readonly TimeSpan Every = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(Every, clock, stoppingToken).ContinueWith(_ => { }, CancellationToken.None);
            if (stoppingToken.IsCancellationRequested) return;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var report = await scope.ServiceProvider.GetRequiredService<MatchNewCustomersPassHandler>().HandleAsync(stoppingToken);
                if (report.Customers > 0)
                    log.LogInformation("Matched {Customers} new customers: {Merged} merged, {Queued} queued for review.", report.Customers, report.Merged, report.Queued);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                log.LogError(e, "Matching new customers failed; trying again in {Seconds} seconds.", Every.TotalSeconds);
            }
        }
    }
}
