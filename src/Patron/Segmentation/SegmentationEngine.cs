using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Patron.Analytics.Contracts;
using Patron.Commerce.Contracts;
using Patron.Engine.Features;
using Patron.Engine.Lifecycle;
using Patron.Engine.Segments;
using Patron.Platform;
using Patron.Segmentation.Contracts;

namespace Patron.Segmentation;

/// <summary>
/// The process-wide feature store and the segments compiled against it. Loaded once from the database (on first use or
/// by the hosted refresher at start-up), then kept current per order by <see cref="OrderFeatures"/> and per changed
/// customer by <see cref="SyncCustomersAsync"/>. One lock serialises writers and readers: an order update is
/// microseconds, a count over a million customers tens of milliseconds, so neither waits long for the other.
/// </summary>
public sealed partial class SegmentationEngine(IDbContextFactory<PatronDb> contexts, TimeProvider clock, IOptions<PatronOptions> options,
    IOptions<SegmentationOptions> segmentation)
{
    readonly Lock gate = new();
    readonly SemaphoreSlim loading = new(1, 1);
    readonly Dictionary<string, CompiledSegment> compiled = new(StringComparer.Ordinal);
    readonly TimeZoneInfo zone = options.Value.FindZone();
    FeatureStore? store;
    FeatureSnapshot? snapshot;
    CatalogCategories? catalog;
    DateTime? customersWatermark;
    // Orders committed while the load runs: the load may or may not have read them, so they wait here, the load strikes
    // out those it read, and the rest are applied once the store is in place. Null when no load is under way.
    Dictionary<Guid, OrderDetails>? pending;

    public bool Loaded => store is not null;

    /// <summary>Serialises membership refreshes within the process.</summary>
    internal SemaphoreSlim RefreshGate { get; } = new(1, 1);

    /// <summary>Today in the business's time zone: the as-of day of every relative rule.</summary>
    public DateOnly Today => FeatureLoader.LocalDay(clock.GetUtcNow().UtcDateTime, zone);

    public async Task EnsureLoadedAsync(CancellationToken ct = default)
    {
        if (store is not null) return;
        await loading.WaitAsync(ct);
        try
        {
            if (store is not null) return;
            lock (gate) pending = [];
            var fresh = new FeatureStore(Today, segmentation.Value.Features(), capacity: 1 << 16);
            await using var a = await contexts.CreateDbContextAsync(ct);
            await using var b = await contexts.CreateDbContextAsync(ct);
            var categories = await CatalogCategories.LoadAsync(a, ct);
            fresh.BeginBulk();
            var watermark = await FeatureLoader.LoadCustomersAsync(a, (id, f) => fresh.Upsert(id, f), null, zone, ct);
            await FeatureLoader.LoadOrdersAsync(a, b, fresh, categories, zone, id => { lock (gate) pending!.Remove(id); }, ct);
            fresh.EndBulk(Today);
            fresh.ApplyPredictions(await ReadPredictionsAsync(a, ct));
            lock (gate)
            {
                (store, catalog, customersWatermark) = (fresh, categories, watermark);
                foreach (var order in pending!.Values) Apply(order);
            }
        }
        finally
        {
            lock (gate) pending = null;
            loading.Release();
        }
    }

    /// <summary>Runs <paramref name="read"/> on a current snapshot under the lock.</summary>
    public async Task<T> ReadAsync<T>(Func<FeatureStore, FeatureSnapshot, T> read, CancellationToken ct = default)
    {
        await EnsureLoadedAsync(ct);
        lock (gate) return read(store!, CurrentSnapshot());
    }

    /// <summary>The columns rules can use today, for the builder's pickers.</summary>
    public Task<IReadOnlyList<SegmentField>> FieldsAsync(CancellationToken ct = default) =>
        ReadAsync<IReadOnlyList<SegmentField>>((_, s) => [.. s.Table.Columns.Values.Select(c => new SegmentField(c.Name, c.Label, c.Kind.ToString(),
            RuleOps.For(c.Kind), c switch { CategoryColumn k => k.Dictionary, TagColumn t => t.Tags, _ => [] }))], ct);

    /// <summary>Validates a rule against the columns that exist now; an empty list means it compiles.</summary>
    public Task<IReadOnlyList<RuleError>> ValidateAsync(SegmentRule rule, CancellationToken ct = default) =>
        ReadAsync((_, s) => SegmentValidator.Validate(rule, s.Table), ct);

    /// <summary>Customer ids of the rule's members as of today, with the count; the rule must validate.</summary>
    public Task<(int Count, Guid[] Sample)> CountAsync(SegmentRule rule, int sample, CancellationToken ct = default) =>
        ReadAsync((st, s) =>
        {
            var members = s.Members(Compile(rule, s), Today);
            var ids = new List<Guid>(sample);
            foreach (var i in members.ToIndices())
            {
                if (ids.Count == sample) break;
                ids.Add(st.IdAt(i));
            }
            return (members.PopCount(), ids.ToArray());
        }, ct);

    public Task<HashSet<Guid>> MembersAsync(SegmentRule rule, CancellationToken ct = default) =>
        ReadAsync((st, s) => s.Members(Compile(rule, s), Today).ToIndices().Select(st.IdAt).ToHashSet(), ct);

    public async Task ApplyOrderAsync(OrderDetails order, CancellationToken ct)
    {
        if (order.Order.CustomerId is null) return;
        lock (gate)
        {
            // Not loaded and no load under way: the load will read this order from the database. The CLI never loads,
            // so its imports stay fast.
            if (store is null)
            {
                pending?.TryAdd(order.Order.Id, order);
                return;
            }
        }
        if (order.Lines.Any(l => !catalog!.TryProduct(l.ProductId, out _)))
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            await catalog!.ReloadAsync(db, ct);
        }
        lock (gate) Apply(order);
    }

    // Orders and refunds applied so far, so that a refund's re-read can tell whether another write came while it read.
    int writes;

    void Apply(OrderDetails order)
    {
        writes++;
        var spend = order.Lines.Select(l => KeyValuePair.Create(catalog!.TryProduct(l.ProductId, out var c) ? c : "?", l.Amount)).ToList();
        var o = order.Order;
        store!.ApplyPurchase(o.CustomerId!.Value, FeatureLoader.Purchase(o.Status, o.PaidAmount, o.RefundedAmount, o.PlacedAt, o.Source,
            o.StoreName, spend, zone));
    }

    DateTime lastSync;

    /// <summary>
    /// The builder's path: a customer signed up a moment ago should show in the live count, but a million-row table must
    /// not be queried on every keystroke, so at most one sync per <paramref name="maxAge"/>.
    /// </summary>
    public Task SyncCustomersIfStaleAsync(TimeSpan maxAge, CancellationToken ct) =>
        clock.GetUtcNow().UtcDateTime - lastSync > maxAge ? SyncCustomersAsync(ct) : Task.CompletedTask;

    /// <summary>Picks up customers created or changed since the last sync, and moves the as-of day at midnight.</summary>
    public async Task SyncCustomersAsync(CancellationToken ct)
    {
        lastSync = clock.GetUtcNow().UtcDateTime;
        await EnsureLoadedAsync(ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        // Read outside the lock, apply inside it: the query may take a while, the upserts do not.
        var changed = new List<(Guid Id, CustomerFacts Facts)>();
        var watermark = await FeatureLoader.LoadCustomersAsync(db, (id, f) => changed.Add((id, f)), customersWatermark, zone, ct);
        lock (gate)
        {
            foreach (var (id, facts) in changed) store!.Upsert(id, facts);
            customersWatermark = watermark;
            if (store!.AsOf != Today) store.Rebase(Today);
        }
    }

    /// <summary>Re-cuts quintiles and tiers over the current population and takes the latest predictions (the periodic refresh).</summary>
    public async Task RebaseAsync(CancellationToken ct)
    {
        await EnsureLoadedAsync(ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var predictions = await ReadPredictionsAsync(db, ct);
        lock (gate)
        {
            store!.Rebase(Today);
            store.ApplyPredictions(predictions);
        }
    }

    /// <summary>The stored lifetime-value predictions (Analytics refreshes them daily) as p_alive, predicted_clv, … columns.</summary>
    static async Task<List<CustomerPrediction>> ReadPredictionsAsync(PatronDb db, CancellationToken ct)
    {
        var rows = new List<CustomerPrediction>();
        await foreach (var f in new CustomerOutlook(db).AllAsync(ct).WithCancellation(ct))
            rows.Add(new CustomerPrediction(f.CustomerId, f.ProbabilityAlive, f.ExpectedPurchases90, f.LifetimeValue));
        return rows;
    }

    FeatureSnapshot CurrentSnapshot()
    {
        if (snapshot is null || snapshot.Version != store!.Version)
        {
            snapshot = WithoutAbsorbed(store!.Snapshot());
            compiled.Clear();
        }
        return snapshot;
    }

    CompiledSegment Compile(SegmentRule rule, FeatureSnapshot s)
    {
        var key = SegmentRuleJson.Write(rule);
        if (!compiled.TryGetValue(key, out var c)) compiled[key] = c = SegmentCompiler.Compile(rule, s.Table);
        return c;
    }
}
