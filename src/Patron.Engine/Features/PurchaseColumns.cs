using System.Runtime.InteropServices;
using Patron.Engine.Segments;

namespace Patron.Engine.Features;

/// <summary>
/// Many orders for <see cref="FeatureStore.ApplyPurchases"/>, held flat: one struct per order and one per category line,
/// no object per order. Channel, store and category names are coded by this batch (<see cref="Channel"/>,
/// <see cref="Store"/>, <see cref="Category"/>), so a reader can resolve each distinct name once and several batches can
/// be filled on several threads. Add an order's lines first, then the order (<see cref="AddOrder"/>); an order that does
/// not count (cancelled, fully refunded) is dropped with its lines, as <see cref="FeatureStore.ApplyPurchase"/> ignores it.
/// </summary>
public sealed class PurchaseColumns
{
    internal readonly Codes Channels = new(), Stores = new(), Categories = new();
    internal Order[] Orders;
    internal Line[] Lines;
    int lines;

    public PurchaseColumns(int orders = 1024, int lines = 4096)
    {
        Orders = new Order[Math.Max(16, orders)];
        Lines = new Line[Math.Max(16, lines)];
    }

    /// <summary>Orders held (the counting ones).</summary>
    public int Count { get; private set; }

    /// <summary>Category lines held.</summary>
    public int LineCount => lines;

    public int Channel(string name) => Channels.Of(name ?? throw new ArgumentNullException(nameof(name)), out _);

    /// <summary>The code of a store name; -1 for none.</summary>
    public int Store(string? name) => Stores.Of(name, out _);

    public int Category(string name) => Categories.Of(name ?? throw new ArgumentNullException(nameof(name)), out _);

    /// <summary>A line amount (fen) of the order added next, in the category of code <paramref name="category"/>.</summary>
    public void AddLine(int category, long amount)
    {
        if ((uint)category >= (uint)Categories.Count) throw new ArgumentOutOfRangeException(nameof(category));
        if (lines == Lines.Length) Array.Resize(ref Lines, lines * 2);
        Lines[lines++] = new Line(amount, category);
    }

    /// <summary>
    /// An order of the customer at store position <paramref name="customer"/> (<see cref="FeatureStore.Upsert"/>,
    /// <see cref="FeatureStore.TryPosition"/>; or any number mapped later by <see cref="MapCustomers"/>), with the lines
    /// added since the previous order. Orders of one customer are applied in the order they were added.
    /// </summary>
    public void AddOrder(int customer, DateOnly day, long netAmount, int channel, int store = -1, bool counts = true)
    {
        var start = Count == 0 ? 0 : Orders[Count - 1].LineEnd;
        if (!counts)
        {
            lines = start;
            return;
        }
        if ((uint)channel >= (uint)Channels.Count) throw new ArgumentOutOfRangeException(nameof(channel));
        if (store < -1 || store >= Stores.Count) throw new ArgumentOutOfRangeException(nameof(store));
        if (Count == Orders.Length) Array.Resize(ref Orders, Count * 2);
        Orders[Count++] = new Order(netAmount, customer, DateColumn.ToDay(day), channel, store, start, lines);
    }

    /// <summary>Replaces each order's customer number c with <paramref name="positions"/>[c]: files number customers, the store has positions.</summary>
    public void MapCustomers(ReadOnlySpan<int> positions)
    {
        for (var o = 0; o < Count; o++) Orders[o].Customer = positions[Orders[o].Customer];
    }

    [StructLayout(LayoutKind.Sequential, Pack = 4)]
    internal record struct Order(long Net, int Customer, int Day, int Channel, int Store, int LineStart, int LineEnd);

    [StructLayout(LayoutKind.Sequential, Pack = 4)]
    internal record struct Line(long Amount, int Category);
}
