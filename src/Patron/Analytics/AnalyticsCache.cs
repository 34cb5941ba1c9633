using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Patron.Analytics.Basket;
using Patron.Commerce.Contracts;

namespace Patron.Analytics;

/// <summary>
/// Read-side results that scan the order lines (mined rules per query, product popularity, trends) kept for an hour,
/// so that pages do not re-read every order line on each view. Concurrent callers of one key share one run.
/// </summary>
public sealed class AnalyticsCache(IServiceScopeFactory scopes, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    /// <summary>The rules every page uses by default: products, all purchases, support 0.2%, lift above 1.</summary>
    public static readonly MineBasketRules Default = new(Top: 2000);

    sealed record Entry(object Value, DateTime ComputedAt);

    readonly ConcurrentDictionary<object, Lazy<Task<Entry>>> entries = new();

    public async Task<BasketRules> GetAsync(MineBasketRules query, CancellationToken ct = default) =>
        (BasketRules)await GetAsync(query, async sp =>
            (object)await sp.GetRequiredService<MineBasketRulesHandler>().HandleAsync(query, CancellationToken.None), ct);

    /// <summary>Each product's sales over all purchases (fen).</summary>
    public async Task<Dictionary<Guid, long>> PopularityAsync(CancellationToken ct = default) =>
        (Dictionary<Guid, long>)await GetAsync("popularity", async sp =>
            (object)await sp.GetRequiredService<CatalogLookup>().ProductSalesAsync(CancellationToken.None), ct);

    // The work runs without the caller's token: it is shared, and one page closing must not cancel it for the others.
    public async Task<object> GetAsync(object key, Func<IServiceProvider, Task<object>> compute, CancellationToken ct)
    {
        while (true)
        {
            var lazy = entries.GetOrAdd(key, _ => new Lazy<Task<Entry>>(async () =>
            {
                await using var scope = scopes.CreateAsyncScope();
                return new Entry(await compute(scope.ServiceProvider), clock.GetUtcNow().UtcDateTime);
            }));
            Entry entry;
            try
            {
                entry = await lazy.Value.WaitAsync(ct);
            }
            catch (Exception) when (!ct.IsCancellationRequested)
            {
                entries.TryRemove(new KeyValuePair<object, Lazy<Task<Entry>>>(key, lazy));
                throw;
            }
            if (clock.GetUtcNow().UtcDateTime - entry.ComputedAt < Lifetime) return entry.Value;
            entries.TryRemove(new KeyValuePair<object, Lazy<Task<Entry>>>(key, lazy));
        }
    }
}
