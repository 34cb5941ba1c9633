using Patron.Commerce.Contracts;
using Patron.Engine.Features;

namespace Patron.Segmentation;

/// <summary>
/// Corrections that cannot be applied as one more order: a refund (the order stops counting, or counts for less) and a
/// merge or unmerge (orders move between two customers, one of them disappears or comes back). The customers concerned
/// are read afresh from the database and replace what the store held for them.
/// </summary>
public sealed partial class SegmentationEngine
{
    // Customers merged into another: the store has no removal, so they keep their position with no purchases and are
    // masked out of the snapshot's live customers, hence out of every count and membership. An unmerge brings them back.
    readonly HashSet<Guid> absorbed = [];

    /// <summary>A refund was committed: the customer's purchases are read again (a full refund stops the order counting, a
    /// partial one leaves it at paid − refunded).</summary>
    public Task ApplyRefundAsync(OrderRefundNotice refund, CancellationToken ct) =>
        refund.CustomerId is { } customer ? RereadAsync([customer], ct) : Task.CompletedTask;

    /// <summary>
    /// Re-reads the customers' profiles and purchases and replaces them in the store; a customer no longer live (merged
    /// into another) is emptied and masked out. An order or another correction applied while the read ran may be missing
    /// from what was read (and a stale read must not overwrite a newer one), so the read is repeated, up to three times,
    /// until no write slipped in between.
    /// </summary>
    public async Task RereadAsync(IReadOnlyList<Guid> customers, CancellationToken ct)
    {
        bool loading;
        lock (gate) loading = store is null && pending is not null;
        // Not loaded and no load under way: a later load reads the database as it is now (the CLI never loads).
        if (store is null && !loading) return;
        // A load under way may have read the customers before the change: wait for it, then correct.
        if (loading) await EnsureLoadedAsync(ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        for (var attempt = 0; ; attempt++)
        {
            int before;
            lock (gate) before = writes;
            var read = new List<(Guid Id, CustomerFacts? Facts, List<PurchaseFact> Purchases)>();
            foreach (var id in customers)
            {
                var facts = await FeatureLoader.ReadCustomerAsync(db, id, zone, ct);
                read.Add((id, facts, facts is null ? [] : await CustomerPurchaseFacts.ReadAsync(db, id, catalog!, zone, ct)));
            }
            lock (gate)
            {
                if (writes != before && attempt < 3) continue;
                writes++;
                foreach (var (id, facts, purchases) in read) Replace(id, facts, purchases);
                return;
            }
        }
    }

    void Replace(Guid id, CustomerFacts? facts, List<PurchaseFact> purchases)
    {
        if (facts is null)
        {
            if (!store!.TryPosition(id, out _)) return;
            store.ReplacePurchases(id, purchases);
            // The mask is part of the snapshot: a new one is cut at the next read.
            if (absorbed.Add(id)) snapshot = null;
            return;
        }
        store!.Upsert(id, facts);
        store.ReplacePurchases(id, purchases);
        if (absorbed.Remove(id)) snapshot = null;
    }

    FeatureSnapshot WithoutAbsorbed(FeatureSnapshot s)
    {
        if (absorbed.Count == 0) return s;
        // Snapshot() cuts a new mask each time, so clearing bits here touches no other snapshot.
        foreach (var id in absorbed)
            if (store!.TryPosition(id, out var i)) s.Live[i] = false;
        return s;
    }
}
