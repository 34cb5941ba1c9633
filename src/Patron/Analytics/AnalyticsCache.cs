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

    public Task<BasketRules> GetAsync(MineBasketRules query, CancellationToken ct = default) =>
        GetAsync(query, sp => sp.GetRequiredService<MineBasketRulesHandler>().HandleAsync(query, CancellationToken.None), ct);

    /// <summary>Each product's sales over all purchases (fen).</summary>
    public Task<Dictionary<Guid, long>> PopularityAsync(CancellationToken ct = default) =>
        GetAsync("popularity", sp => sp.GetRequiredService<CatalogLookup>().ProductSalesAsync(CancellationToken.None), ct);

    /// <summary>Any read-side result under a key that says what it depends on (the query, and the day if it moves with it).</summary>
    public async Task<T> GetAsync<T>(object key, Func<IServiceProvider, Task<T>> compute, CancellationToken ct = default) where T : class =>
        (T)await GetEntryAsync(key, async sp => await compute(sp), ct);

    // The work runs without the caller's token: it is shared, and one page closing must not cancel it for the others.
    async Task<object> GetEntryAsync(object key, Func<IServiceProvider, Task<object>> compute, CancellationToken ct)
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
