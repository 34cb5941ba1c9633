using System.Collections.Concurrent;
using Patron.Segmentation.Contracts;

namespace Patron.Segmentation;

/// <summary>
/// Answers of <see cref="GetLifecycleTransitionsHandler"/>, which reads every purchase up to the month's end: a completed
/// month changes only when an order placed before its end arrives late (an import, a back-dated till) or an order is
/// refunded (a refund counts as of today), so each answer is kept until one of those happens or an hour passes — the hour
/// covers writes this process does not see (the CLI's imports run in their own process). Keyed by month, as-of day and
/// preset, so midnight and a preset change start afresh.
/// </summary>
public sealed class LifecycleTransitionsCache(TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromHours(1);
    readonly ConcurrentDictionary<(DateOnly Month, DateOnly Today, string Preset), Entry> entries = new();

    sealed record Entry(LifecycleTransitionsView View, DateTime Until, DateTime At);

    /// <summary>Computations since start-up, for tests and logs: a hit does not count.</summary>
    public int Misses => misses;
    int misses;

    public async Task<LifecycleTransitionsView> GetOrAddAsync(DateOnly month, DateOnly today, string preset, DateTime until,
        Func<Task<LifecycleTransitionsView>> compute)
    {
        var key = (month, today, preset);
        var now = clock.GetUtcNow().UtcDateTime;
        if (entries.TryGetValue(key, out var hit) && now - hit.At < MaxAge) return hit.View;
        Interlocked.Increment(ref misses);
        var view = await compute();
        entries[key] = new Entry(view, until, now);
        return view;
    }

    /// <summary>An order placed at <paramref name="placedAtUtc"/> arrived: months ending after it are stale.</summary>
    public void OrderArrived(DateTime placedAtUtc)
    {
        foreach (var (key, entry) in entries)
            if (placedAtUtc < entry.Until) entries.TryRemove(key, out _);
    }

    /// <summary>A refund arrived: any month may have counted the order as a purchase.</summary>
    public void Clear() => entries.Clear();
}
