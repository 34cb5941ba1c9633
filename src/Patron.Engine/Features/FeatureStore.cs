using Patron.Engine.Lifecycle;
using Patron.Engine.Segments;

namespace Patron.Engine.Features;

/// <summary>
/// Per-customer features in columns, one array per feature indexed by the customer's position, kept current one order at
/// a time: <see cref="ApplyPurchase"/> touches one customer's raw counters and re-derives that customer's features
/// (recency, AOV, gaps, shares, scores, lifecycle) — never the whole population. Population-relative cuts (RFM quintiles,
/// tertile tiers) and the as-of day move only in <see cref="Rebase"/>, the periodic refresh.
/// <para>
/// Arrays are sized to a capacity that doubles, so positions beyond <see cref="Count"/> exist but hold no customer;
/// <see cref="Snapshot"/> masks them out. Not thread-safe: the host serialises writers against readers.
/// </para>
/// </summary>
public sealed partial class FeatureStore
{
    readonly Dictionary<Guid, int> positions = [];
    readonly StateThresholds states;
    readonly StageThresholds stages;
    int capacity;
    bool bulk;

    public FeatureStore(DateOnly asOf, LifecyclePreset? preset = null, int capacity = 1024)
    {
        AsOf = asOf;
        preset ??= LifecyclePresets.General;
        (states, stages) = (preset.States, preset.Stages);
        this.capacity = Math.Max(64, capacity);
        Allocate(this.capacity);
    }

    /// <summary>Customers held.</summary>
    public int Count { get; private set; }

    /// <summary>The day recency, tenure and age are measured to; moved by <see cref="Rebase"/>.</summary>
    public DateOnly AsOf { get; private set; }

    /// <summary>
    /// Changes whenever the shape of the columns changes (growth, a new customer, category, channel, store, tag or
    /// dictionary value), which is when a <see cref="FeatureTable"/> and the segments compiled against it must be rebuilt.
    /// Plain value updates keep the version: compiled segments read the arrays in place.
    /// </summary>
    public int Version { get; private set; }

    public bool TryPosition(Guid customer, out int position) => positions.TryGetValue(customer, out position);

    public Guid IdAt(int position) => ids[position];

    /// <summary>Adds a customer, or replaces the profile facts of a known one (its purchases stay).</summary>
    public int Upsert(Guid customer, CustomerFacts facts)
    {
        if (!positions.TryGetValue(customer, out var i))
        {
            if (Count == capacity) Grow();
            i = Count++;
            positions.Add(customer, i);
            ids[i] = customer;
            Version++;
        }
        SetFacts(i, facts);
        if (!bulk) Refresh(i);
        return i;
    }

    /// <summary>
    /// Adds one order to its customer's features (an unknown customer is added with no profile facts). Orders that do
    /// not count (cancelled, fully refunded) change nothing. Favourite store: most orders, ties to the store of the
    /// order applied last, so a load in date order gives the most recently visited of the tied stores.
    /// </summary>
    public void ApplyPurchase(Guid customer, PurchaseFact p)
    {
        if (!p.Counts) return;
        var i = positions.TryGetValue(customer, out var known) ? known : Upsert(customer, new CustomerFacts());
        var day = DateColumn.ToDay(p.Day);
        frequency[i]++;
        monetary[i] += p.NetAmount;
        if (firstDay[i] == DateColumn.Missing || day < firstDay[i]) firstDay[i] = day;
        if (day > lastDay[i]) lastDay[i] = day;
        days[i] = InsertDistinct(days[i], day);
        CountChannel(i, p.Channel);
        CountStore(i, p.Store);
        CountCategories(i, day, p.CategorySpend);
        if (!bulk) Refresh(i);
    }

    /// <summary>For a load of many customers and orders: per-customer derivation is skipped until <see cref="EndBulk"/>.</summary>
    public void BeginBulk() => bulk = true;

    public void EndBulk(DateOnly asOf)
    {
        bulk = false;
        Rebase(asOf);
    }

    static int[] InsertDistinct(int[] sorted, int day)
    {
        var at = Array.BinarySearch(sorted, day);
        if (at >= 0) return sorted;
        at = ~at;
        var result = new int[sorted.Length + 1];
        Array.Copy(sorted, result, at);
        result[at] = day;
        Array.Copy(sorted, at, result, at + 1, sorted.Length - at);
        return result;
    }
}
