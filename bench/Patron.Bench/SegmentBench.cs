using System.Diagnostics;
using Patron.Engine.Features;
using Patron.Engine.Segments;

namespace Patron.Bench;

/// <summary>
/// The segmentation engine at scale: build the feature store from a generated shop, count a typical rule (8 conditions,
/// one behavioural) as the builder does on each edit, and apply single orders as they arrive. Reports medians.
/// Usage: Patron.Bench segments [--customers N] [--lines L] [--runs R]
/// </summary>
static class SegmentBench
{
    /// <summary>Women or tagged VIPs in four cities, aged 25–44, who bought fruit twice or more, within 90 days, spending ¥200+, not blacklisted.</summary>
    public const string TypicalRule = """
        {"all": [
          {"field": "city", "op": "in", "value": ["上海", "杭州", "南京", "苏州"]},
          {"any": [{"field": "gender", "op": "in", "value": ["female"]}, {"field": "tags", "op": "has", "value": "vip"}]},
          {"field": "age_band", "op": "in", "value": ["25_34", "35_44"]},
          {"field": "category_orders.水果", "op": "gte", "value": 2},
          {"field": "last_purchase", "op": "within_last_days", "value": 90},
          {"field": "monetary", "op": "gte", "value": 20000},
          {"not": {"field": "tags", "op": "has", "value": "黑名单"}}
        ]}
        """;

    public static int Run(string[] args)
    {
        var (customers, lines, runs) = (1_000_000, 20_000_000L, 21);
        for (var i = 0; i < args.Length; i++)
            switch (args[i])
            {
                case "--customers" when i + 1 < args.Length: customers = int.Parse(args[++i]); break;
                case "--lines" when i + 1 < args.Length: lines = long.Parse(args[++i]); break;
                case "--runs" when i + 1 < args.Length: runs = int.Parse(args[++i]); break;
                default: Console.Error.WriteLine("usage: Patron.Bench segments [--customers N] [--lines L] [--runs R]"); return 2;
            }
        Console.WriteLine($"# Segments: {customers:N0} customers, ~{lines:N0} order lines, {runs} runs, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        Console.WriteLine($"machine: {Machine.Describe()}; .NET {Environment.Version}; load average before: {Machine.LoadAverage()}");

        var data = new SegmentData(customers, lines);
        var before = Heap();
        var build = Stopwatch.StartNew();
        var store = new FeatureStore(SegmentData.AsOf, capacity: customers);
        store.BeginBulk();
        for (var i = 0; i < customers; i++) store.Upsert(data.Ids[i], data.Facts(i));
        long orders = 0;
        foreach (var (c, p) in data.Orders()) { store.ApplyPurchase(data.Ids[c], p); orders++; }
        store.EndBulk(SegmentData.AsOf);
        build.Stop();
        var bytes = Heap() - before;
        Console.WriteLine($"feature build + RFM/tiers/lifecycle: {build.Elapsed.TotalSeconds:0.0} s for {orders:N0} orders");
        Console.WriteLine($"feature store memory: {bytes / 1048576.0:0} MiB, {bytes / (double)customers:0} bytes per customer");

        var snapshot = store.Snapshot();
        var segment = SegmentCompiler.Compile(SegmentRuleJson.Parse(TypicalRule), snapshot.Table);
        var counts = new List<double>();
        var count = 0;
        for (var r = 0; r <= runs; r++)
        {
            var t = Stopwatch.GetTimestamp();
            count = snapshot.Count(segment, SegmentData.AsOf);
            if (r > 0) counts.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
        }
        Console.WriteLine($"live count of the typical rule (7 top-level conditions, 8 leaves, one behavioural): {count:N0} members; "
            + $"median {Median(counts):0.0} ms, min {counts.Min():0.0} ms");

        var compile = Stopwatch.StartNew();
        for (var r = 0; r < runs; r++) SegmentCompiler.Compile(SegmentRuleJson.Parse(TypicalRule), snapshot.Table);
        Console.WriteLine($"parse + validate + compile the rule: {compile.Elapsed.TotalMilliseconds / runs:0.000} ms");

        // New orders for existing customers, one at a time, as the order observer applies them.
        var rng = new Random(7);
        var updates = new List<double>();
        var fresh = data.Orders().Take(20_000).Select(o => o with { Purchase = o.Purchase with { Day = SegmentData.AsOf } }).ToList();
        foreach (var (c, p) in fresh)
        {
            var id = data.Ids[rng.Next(customers)];
            var t = Stopwatch.GetTimestamp();
            store.ApplyPurchase(id, p);
            updates.Add(Stopwatch.GetElapsedTime(t).TotalMicroseconds);
        }
        Console.WriteLine($"incremental update per order (features, RFM scores, tiers, lifecycle of one customer): median {Median(updates):0.00} µs, "
            + $"p99 {updates.Order().ElementAt((int)(updates.Count * 0.99)):0.0} µs over {updates.Count:N0} orders");

        // Refunds: the observer re-reads the customer's orders and replaces their purchases. The database read is left
        // out; this is the engine's share, for a history of 6 orders (the generated buyers average 6.25).
        var refunds = new List<double>();
        for (var r = 0; r < 20_000; r++)
        {
            var id = data.Ids[rng.Next(customers)];
            var history = Enumerable.Range(0, 6).Select(k => fresh[(r * 6 + k) % fresh.Count].Purchase with { Day = SegmentData.AsOf.AddDays(-30 * k) }).ToList();
            var t = Stopwatch.GetTimestamp();
            store.ReplacePurchases(id, history);
            refunds.Add(Stopwatch.GetElapsedTime(t).TotalMicroseconds);
        }
        Console.WriteLine($"refund correction per customer (replace 6 purchases, re-derive): median {Median(refunds):0.00} µs, "
            + $"p99 {refunds.Order().ElementAt((int)(refunds.Count * 0.99)):0.0} µs over {refunds.Count:N0} refunds");
        GC.KeepAlive(store);
        return 0;
    }

    static long Heap()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    static double Median(List<double> xs)
    {
        var s = xs.Order().ToArray();
        return s.Length % 2 == 1 ? s[s.Length / 2] : (s[s.Length / 2 - 1] + s[s.Length / 2]) / 2;
    }
}
