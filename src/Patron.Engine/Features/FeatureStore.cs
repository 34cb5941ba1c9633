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
    readonly int? monetaryWindow;
    readonly ValueTierCuts valueCuts;
    int capacity;
    bool bulk;

    public FeatureStore(DateOnly asOf, LifecyclePreset? preset = null, int capacity = 1024)
        : this(asOf, new FeatureSettings(preset), capacity)
    {
    }

    public FeatureStore(DateOnly asOf, FeatureSettings settings, int capacity = 1024)
    {
        ArgumentNullException.ThrowIfNull(settings);
        AsOf = asOf;
        (states, stages) = (settings.Preset.States, settings.Preset.Stages);
        (monetaryWindow, valueCuts) = (settings.MonetaryWindowDays, settings.ValueTiers);
        this.capacity = Math.Max(64, capacity);
        Allocate(this.capacity);
    }

    /// <summary>The monetary measure's window in days; null for all time.</summary>
    public int? MonetaryWindowDays => monetaryWindow;

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
        lifetimeSpend[i] += p.NetAmount;
        // With a window, monetary is re-summed from the per-day amounts in Refresh (the window moves with the as-of day).
        if (monetaryWindow is null) monetary[i] += p.NetAmount;
        if (firstDay[i] == DateColumn.Missing || day < firstDay[i]) firstDay[i] = day;
        if (day > lastDay[i]) lastDay[i] = day;
        AddDay(i, day, p.NetAmount);
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

    /// <summary>Adds the day to the customer's sorted distinct days and, when monetary has a window, its amount to that day's.</summary>
    void AddDay(int i, int day, long amount)
    {
        var sorted = days[i];
        var at = Array.BinarySearch(sorted, day);
        if (at < 0)
        {
            at = ~at;
            days[i] = Insert(sorted, at, day);
            if (dayAmounts is not null) dayAmounts[i] = Insert(dayAmounts[i], at, 0L);
        }
        if (dayAmounts is not null) dayAmounts[i][at] += amount;
    }

    static T[] Insert<T>(T[] array, int at, T value)
    {
        var result = new T[array.Length + 1];
        Array.Copy(array, result, at);
        result[at] = value;
        Array.Copy(array, at, result, at + 1, array.Length - at);
        return result;
    }

    /// <summary>Net spend of the customer's purchases within the window ending on <paramref name="today"/> (inclusive).</summary>
    double WindowSpend(int i, int today)
    {
        var (d, amounts) = (days[i], dayAmounts![i]);
        long sum = 0;
        for (var k = d.Length - 1; k >= 0 && today - d[k] < monetaryWindow!.Value; k--) sum += amounts[k];
        return sum;
    }
}
