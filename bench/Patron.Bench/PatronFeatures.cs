using System.Diagnostics;
using System.Globalization;
using Patron.Engine.Features;

namespace Patron.Bench;

/// <summary>
/// Patron's side of the feature benchmark: the three files read into a <see cref="FeatureStore"/> in bulk mode
/// (customers first, then every order in date order), then <see cref="FeatureStore.EndBulk"/>, which scores RFM
/// quintiles and tertile tiers and derives every customer (AOV, recency, tenure, gaps, category and channel shares,
/// lifecycle). Orders and lines are cut in two halves (<see cref="FileSplit"/>); each half is read on its own thread,
/// merged on order_no, with no string and no object per order or line (names are coded from their bytes), into a
/// <see cref="PurchaseColumns"/>, while this thread reads the customers. The two batches are then applied together, in
/// file order (<see cref="FeatureStore.ApplyPurchases(IReadOnlyList{PurchaseColumns})"/>: grouped by customer, on two threads).
/// </summary>
static class PatronFeatures
{
    /// <summary>The key the store holds for customer number <paramref name="n"/> (the files carry numbers, the store Guids).</summary>
    public static Guid Id(int n) => new(n, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /// <param name="phases">Told the time of each phase, for profiling (--patron-only).</param>
    public static FeatureStore Build(string dir, int customers, Action<string>? phases = null)
    {
        var watch = Stopwatch.StartNew();
        var store = new FeatureStore(SegmentData.AsOf, capacity: customers);
        store.BeginBulk();
        var (ordersPath, linesPath) = (Path.Combine(dir, FeatureFiles.Orders), Path.Combine(dir, FeatureFiles.Lines));
        var (ordersCut, linesCut) = FileSplit.Middle(ordersPath, linesPath);
        var halves = new[]
        {
            Task.Run(() => ReadOrders(ordersPath, 0, ordersCut, linesPath, 0, linesCut)),
            Task.Run(() => ReadOrders(ordersPath, ordersCut, long.MaxValue, linesPath, linesCut, long.MaxValue)),
        };
        var positions = ReadCustomers(dir, store);
        var customersRead = watch.Elapsed;
        Task.WaitAll(halves); // rethrows a reader failure
        var (read, readCpu) = (watch.Elapsed, Cpu());
        foreach (var half in halves) half.Result.MapCustomers(positions);
        store.ApplyPurchases([.. halves.Select(h => h.Result)]);
        var (applied, appliedCpu) = (watch.Elapsed, Cpu());
        store.EndBulk(SegmentData.AsOf);
        var (done, doneCpu) = (watch.Elapsed, Cpu());
        phases?.Invoke(string.Create(CultureInfo.InvariantCulture,
            $"customers read {customersRead.TotalSeconds:0.00} s; orders and lines read {read.TotalSeconds:0.00} s (process CPU {readCpu.TotalSeconds:0.00} s); " +
            $"applied {(applied - read).TotalSeconds:0.00} s (CPU {(appliedCpu - readCpu).TotalSeconds:0.00} s); " +
            $"rebase {(done - applied).TotalSeconds:0.00} s (CPU {(doneCpu - appliedCpu).TotalSeconds:0.00} s)"));
        return store;
    }

    static TimeSpan Cpu() => Process.GetCurrentProcess().TotalProcessorTime;

    /// <summary>Adds each customer to the store; returns the store position of each customer number.</summary>
    static int[] ReadCustomers(string dir, FeatureStore store)
    {
        var names = new Interner();
        var positions = new int[1024];
        using var file = new ByteLines(Path.Combine(dir, FeatureFiles.Customers));
        while (file.Next(out var line))
        {
            var n = ByteLines.Int(ByteLines.Field(ref line));
            var gender = names.Of(ByteLines.Field(ref line));
            var birthday = ByteLines.Date(ByteLines.Field(ref line));
            var (province, city, occupation) = (names.Of(ByteLines.Field(ref line)), names.Of(ByteLines.Field(ref line)), names.Of(ByteLines.Field(ref line)));
            var tag = names.Of(ByteLines.Field(ref line));
            var signedUp = ByteLines.Date(ByteLines.Field(ref line));
            if (n >= positions.Length)
            {
                var old = positions.Length;
                Array.Resize(ref positions, Math.Max(n + 1, old * 2));
                Array.Fill(positions, -1, old, positions.Length - old);
            }
            positions[n] = store.Upsert(Id(n), new CustomerFacts(gender, birthday, province, city, occupation, tag is null ? null : [tag], signedUp));
        }
        return positions;
    }

    /// <summary>
    /// The orders of one byte range of orders.csv with their lines from one of lines.csv (both sorted by order_no);
    /// customers stay numbers until <see cref="PurchaseColumns.MapCustomers"/>.
    /// </summary>
    static PurchaseColumns ReadOrders(string ordersPath, long ordersFrom, long ordersTo, string linesPath, long linesFrom, long linesTo)
    {
        using var orders = new ByteLines(ordersPath, ordersFrom, ordersTo);
        using var lines = new ByteLines(linesPath, linesFrom, linesTo);
        // About 47 bytes per order and 19 per line in the generated files; the arrays grow if not enough.
        var bytes = Math.Min(ordersTo, new FileInfo(ordersPath).Length) - ordersFrom;
        var batch = new PurchaseColumns((int)(bytes / 44), (int)(bytes / 11));
        var (channels, stores, categories) = (new ByteCodes(batch.Channel), new ByteCodes(batch.Store), new ByteCodes(batch.Category));
        var haveLine = lines.Next(out var item);
        while (orders.Next(out var order))
        {
            var no = ByteLines.Long(ByteLines.Field(ref order));
            var customer = ByteLines.Int(ByteLines.Field(ref order));
            var day = ByteLines.Date(ByteLines.Field(ref order))!.Value;
            var channel = channels.Of(ByteLines.Field(ref order));
            var store = stores.Of(ByteLines.Field(ref order));
            var net = ByteLines.Long(ByteLines.Field(ref order));
            var cancelled = ByteLines.Field(ref order) is [(byte)'t', ..];
            for (; haveLine; haveLine = lines.Next(out item))
            {
                var rest = item;
                var lineNo = ByteLines.Long(ByteLines.Field(ref rest));
                if (lineNo > no) break;
                if (lineNo < no) continue; // a line of no order in the file
                batch.AddLine(categories.Of(ByteLines.Field(ref rest)), ByteLines.Long(rest));
            }
            batch.AddOrder(customer, day, net, channel, store, !cancelled);
        }
        return batch;
    }
}
