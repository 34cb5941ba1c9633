using Patron.Engine.Segments;

namespace Patron.Engine.Features;

public sealed partial class FeatureStore
{
    /// <summary>
    /// One thread's scratch for <see cref="ApplyPurchases"/>: a customer's orders are summed here (per category, per
    /// channel, per store, their days), then added to the store's columns in one write per column. Each step mirrors
    /// <see cref="ApplyPurchase"/> so the result is the same: sums of whole fen are exact in a double, so adding once
    /// or order by order gives the same value.
    /// </summary>
    sealed class CustomerSums
    {
        readonly FeatureStore s;
        readonly long[] categorySpend;
        readonly int[] categoryOrders, categoryLast, seenIn, channelOrders;
        readonly List<int> touchedCategories = [], touchedChannels = [];
        int[] days = new int[64], stores = new int[16];
        int stamp; // numbers the orders, to count an order once per category
        long[] amounts = new long[64];

        public CustomerSums(FeatureStore store)
        {
            s = store;
            var categories = store.categorySpend.Count;
            (categorySpend, categoryOrders, seenIn) = (new long[categories], new int[categories], new int[categories]);
            categoryLast = new int[categories];
            Array.Fill(categoryLast, DateColumn.Missing);
            channelOrders = new int[store.channelOrders.Count];
        }

        /// <summary>Adds customer <paramref name="i"/>'s orders, in the order given; their lines are in <paramref name="lines"/>.</summary>
        public void Apply(int i, ReadOnlySpan<PurchaseColumns.Order> orders, PurchaseColumns.Line[] lines)
        {
            if (days.Length < orders.Length) (days, amounts) = (new int[orders.Length * 2], new long[orders.Length * 2]);
            var (first, last, favourite) = (s.firstDay[i], s.lastDay[i], s.favouriteStore[i]);
            var storeLength = s.storeCounts[i].Length;
            if (stores.Length < storeLength + 2 * orders.Length) stores = new int[2 * (storeLength + 2 * orders.Length)];
            s.storeCounts[i].CopyTo(stores, 0);
            long spend = 0, lineTotal = 0;
            for (var k = 0; k < orders.Length; k++)
            {
                ref readonly var order = ref orders[k];
                stamp++;
                spend += order.Net;
                if (first == DateColumn.Missing || order.Day < first) first = order.Day;
                if (order.Day > last) last = order.Day;
                (days[k], amounts[k]) = (order.Day, order.Net);
                var channel = order.Channel;
                if (channelOrders[channel]++ == 0) touchedChannels.Add(channel);
                if (order.Store >= 0) favourite = CountStore(order.Store, ref storeLength, favourite);
                for (var l = order.LineStart; l < order.LineEnd; l++)
                {
                    var line = lines[l];
                    var c = line.Category;
                    categorySpend[c] += line.Amount;
                    lineTotal += line.Amount;
                    // An order counts once per category, however many of its lines fall in it.
                    if (seenIn[c] == stamp) continue;
                    seenIn[c] = stamp;
                    if (categoryOrders[c]++ == 0) touchedCategories.Add(c);
                    if (order.Day > categoryLast[c]) categoryLast[c] = order.Day;
                }
            }
            s.frequency[i] += orders.Length;
            s.lifetimeSpend[i] += spend;
            if (s.monetaryWindow is null) s.monetary[i] += spend;
            (s.firstDay[i], s.lastDay[i], s.favouriteStore[i]) = (first, last, favourite);
            s.lineTotal[i] += lineTotal;
            WriteStores(i, storeLength);
            WriteDays(i, orders.Length);
            WriteCounters(i);
        }

        /// <summary>As <see cref="FeatureStore.CountStore"/>: the favourite has the most orders, ties to the store counted last.</summary>
        int CountStore(int store, ref int length, int favourite)
        {
            var at = 0;
            while (at < length && stores[at] != store) at += 2;
            if (at == length) (stores[at], stores[at + 1], length) = (store, 0, length + 2);
            var n = ++stores[at + 1];
            var best = 0;
            for (var k = 0; favourite >= 0 && k < length; k += 2)
                if (stores[k] == favourite) best = stores[k + 1];
            return n >= best ? store : favourite;
        }

        void WriteStores(int i, int length)
        {
            var held = s.storeCounts[i];
            if (held.Length != length) s.storeCounts[i] = held = new int[length];
            stores.AsSpan(0, length).CopyTo(held);
        }

        /// <summary>The orders' days sorted and made distinct, amounts summed per day, merged into the customer's.</summary>
        void WriteDays(int i, int n)
        {
            var window = s.dayAmounts is not null;
            if (window) days.AsSpan(0, n).Sort(amounts.AsSpan(0, n));
            else days.AsSpan(0, n).Sort();
            var distinct = 0;
            for (var k = 0; k < n; k++)
            {
                if (distinct > 0 && days[distinct - 1] == days[k]) { amounts[distinct - 1] += amounts[k]; continue; }
                (days[distinct], amounts[distinct]) = (days[k], amounts[k]);
                distinct++;
            }
            var held = s.days[i];
            var heldAmounts = window ? s.dayAmounts![i] : null;
            var merged = new int[held.Length + distinct - Common(held, distinct)];
            var mergedAmounts = window ? new long[merged.Length] : null;
            int a = 0, b = 0;
            for (var k = 0; k < merged.Length; k++)
            {
                var fromHeld = b == distinct || (a < held.Length && held[a] <= days[b]);
                var same = fromHeld && b < distinct && held[a] == days[b];
                merged[k] = fromHeld ? held[a] : days[b];
                if (mergedAmounts is not null) mergedAmounts[k] = (fromHeld ? heldAmounts![a] : 0) + (!fromHeld || same ? amounts[b] : 0);
                if (fromHeld) a++;
                if (!fromHeld || same) b++;
            }
            s.days[i] = merged;
            if (window) s.dayAmounts![i] = mergedAmounts!;
        }

        /// <summary>Days both in <paramref name="held"/> and in the first <paramref name="distinct"/> scratch days (both sorted).</summary>
        int Common(int[] held, int distinct)
        {
            int a = 0, b = 0, common = 0;
            while (a < held.Length && b < distinct)
            {
                if (held[a] == days[b]) { common++; a++; b++; }
                else if (held[a] < days[b]) a++;
                else b++;
            }
            return common;
        }

        void WriteCounters(int i)
        {
            foreach (var c in touchedChannels)
            {
                s.channelOrders[c][i] += channelOrders[c];
                channelOrders[c] = 0;
            }
            foreach (var c in touchedCategories)
            {
                s.categorySpend[c][i] += categorySpend[c];
                s.categoryOrders[c][i] += categoryOrders[c];
                if (categoryLast[c] > s.categoryLast[c][i]) s.categoryLast[c][i] = categoryLast[c];
                (categorySpend[c], categoryOrders[c], categoryLast[c]) = (0, 0, DateColumn.Missing);
            }
            touchedChannels.Clear();
            touchedCategories.Clear();
        }
    }
}
