using System.Diagnostics;
using System.Globalization;
using Patron.Engine.Features;
using Patron.Engine.Segments;

namespace Patron.Bench;

/// <summary>
/// Full feature build plus RFM scoring from files, Patron against DuckDB and PostgreSQL on the same generated shop in the
/// same run. The shop (<see cref="SegmentData"/>) is written once to CSV (<see cref="FeatureFiles"/>); each run then
/// times Patron (read the files into the feature store and score), DuckDB (the SQL on read_csv, result as a table) and
/// PostgreSQL (COPY into unlogged tables, timed apart, then the SQL), round-robin so a busy moment is shared out. Every
/// system must agree on every customer (recency, frequency, monetary, AOV, first and last day, R/F/M scores and the
/// category shares), or the run fails.
/// Usage: Patron.Bench features [--customers N] [--lines L] [--runs R] [--dir DIR] (PATRON_BENCH_POSTGRES, or no PostgreSQL).
/// </summary>
static class FeatureBench
{
    public static int Run(string[] args)
    {
        var (customers, lines, runs, dir) = (1_000_000, 20_000_000L, 3, Path.Combine(Path.GetTempPath(), "patron-bench-features"));
        var patronOnly = false; // --patron-only: time Patron alone (profiling), no peers and no cross-check
        for (var i = 0; i < args.Length; i++)
            switch (args[i])
            {
                case "--customers" when i + 1 < args.Length: customers = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--lines" when i + 1 < args.Length: lines = long.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--runs" when i + 1 < args.Length: runs = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--dir" when i + 1 < args.Length: dir = args[++i]; break;
                case "--patron-only": patronOnly = true; break;
                default: Console.Error.WriteLine("usage: Patron.Bench features [--customers N] [--lines L] [--runs R] [--dir DIR] [--patron-only]"); return 2;
            }
        var postgres = Environment.GetEnvironmentVariable("PATRON_BENCH_POSTGRES");
        Console.WriteLine($"# Feature build + RFM from files: {customers:N0} customers, ~{lines:N0} lines, {runs} runs, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        Console.WriteLine($"machine: {Machine.Describe()}; .NET {Environment.Version}; load average before: {Machine.LoadAverage()}");
        var write = Stopwatch.StartNew();
        FeatureFiles.Ensure(dir, new SegmentData(customers, lines), lines);
        Console.WriteLine($"files in {dir} ({write.Elapsed.TotalSeconds:0.0} s to write or check): " + string.Join(", ",
            new[] { FeatureFiles.Customers, FeatureFiles.Orders, FeatureFiles.Lines }.Select(f => $"{f} {new FileInfo(Path.Combine(dir, f)).Length / 1048576.0:N0} MiB")));

        if (runs == 0) return 0; // --runs 0: only write the files
        if (patronOnly)
        {
            for (var r = 0; r < runs; r++)
            {
                var t = Stopwatch.StartNew();
                var gcs = GC.CollectionCount(0);
                PatronFeatures.Build(dir, customers, phases => Console.WriteLine($"Patron phases (wall): {phases}"));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"Patron: {t.Elapsed.TotalSeconds:0.0} s, {GC.CollectionCount(0) - gcs} gen0 GCs, GC pause {GC.GetTotalPauseDuration().TotalSeconds:0.0} s so far, load {Machine.LoadAverage()}"));
            }
            return 0;
        }
        using var duck = new DuckDbFeatures(dir);
        using var pg = string.IsNullOrEmpty(postgres) ? null : new PostgresFeatures(postgres, dir);
        var (patronMs, duckMs, pgLoadMs, pgQueryMs) = (new double[runs], new double[runs], new double[runs], new double[runs]);
        FeatureStore? store = null;
        for (var r = 0; r < runs; r++)
        {
            Console.Error.WriteLine($"run {r + 1} of {runs} …");
            store = null;
            patronMs[r] = Time(() => store = PatronFeatures.Build(dir, customers));
            duckMs[r] = Time(duck.Run);
            if (pg is null) continue;
            pgLoadMs[r] = Time(pg.Load);
            pgQueryMs[r] = Time(pg.Run);
        }
        var check = Stopwatch.StartNew();
        var checkedRows = Compare("DuckDB", store!, duck.Result());
        if (pg is not null) Compare("PostgreSQL", store!, pg.Result());
        Console.WriteLine($"cross-check: all systems agree on all {checkedRows:N0} customers ({check.Elapsed.TotalSeconds:0} s, not timed)");
        Console.WriteLine($"versions: Patron {typeof(FeatureStore).Assembly.GetName().Version}; {duck.Version}{(pg is null ? "" : "; " + pg.Version)}");
        Console.WriteLine($"load average after: {Machine.LoadAverage()}");
        Console.WriteLine();
        Console.WriteLine("| system | files to features + RFM: median (min) | ratio to Patron (medians) | runs (ms) |");
        Console.WriteLine("|---|---:|---:|---|");
        Row("Patron (read + FeatureStore bulk build + rebase)", patronMs, patronMs);
        Row("DuckDB (SQL on read_csv, 2 threads)", duckMs, patronMs);
        if (pg is not null)
        {
            Row("PostgreSQL load (COPY ×3 + ANALYZE)", pgLoadMs, patronMs);
            Row("PostgreSQL query", pgQueryMs, patronMs);
            Row("PostgreSQL load + query", [.. pgLoadMs.Zip(pgQueryMs, (a, b) => a + b)], patronMs);
        }
        return 0;
    }

    /// <summary>Throws on the first customers where the peer's row differs from Patron's store; returns how many were compared.</summary>
    static int Compare(string peer, FeatureStore store, Dictionary<int, FeatureSql.Row> rows)
    {
        var t = store.Snapshot().Table;
        double[] Num(string name) => ((NumericColumn)t.Columns[name]).Values;
        int[] Days(string name) => ((DateColumn)t.Columns[name]).Days;
        var (rec, freq, mon, aov) = (Num(FeatureNames.Recency), Num(FeatureNames.Frequency), Num(FeatureNames.Monetary), Num(FeatureNames.Aov));
        var (first, last) = (Days(FeatureNames.FirstPurchase), Days(FeatureNames.LastPurchase));
        var (r, f, m) = (Num(FeatureNames.RfmR), Num(FeatureNames.RfmF), Num(FeatureNames.RfmM));
        var shares = SegmentData.Categories.Select(c => t.TryGet(FeatureNames.SpendShare + c, out var col) ? ((NumericColumn)col).Values : null).ToArray();
        var diffs = new List<string>();
        if (rows.Count != store.Count) diffs.Add($"{peer} has {rows.Count} customers, Patron {store.Count}");
        foreach (var (no, row) in rows)
        {
            if (!store.TryPosition(PatronFeatures.Id(no), out var i)) { diffs.Add($"{no}: missing in Patron"); continue; }
            var ours = new FeatureSql.Row(N(rec[i]) is { } x ? (int)x : null, (long)freq[i], (long)mon[i], N(aov[i]), D(first[i]), D(last[i]),
                I(r[i]), I(f[i]), I(m[i]), [.. shares.Select(s => s is null ? (double?)0 : N(s[i]))]);
            if (ours.Frequency == 0) ours = ours with { Shares = [.. shares.Select(_ => (double?)null)] };
            if (!Same(ours, row)) diffs.Add($"{no}: Patron {Show(ours)} vs {peer} {Show(row)}");
            if (diffs.Count >= 10) break;
        }
        if (diffs.Count > 0) throw new InvalidOperationException($"Patron and {peer} disagree:\n  " + string.Join("\n  ", diffs));
        return rows.Count;
    }

    static bool Same(FeatureSql.Row a, FeatureSql.Row b) =>
        a.Recency == b.Recency && a.Frequency == b.Frequency && a.Monetary == b.Monetary && Close(a.Aov, b.Aov) && a.First == b.First
        && a.Last == b.Last && a.R == b.R && a.F == b.F && a.M == b.M && a.Shares.Zip(b.Shares).All(p => Close(p.First, p.Second));

    static bool Close(double? a, double? b) => a is null ? b is null : b is not null && Math.Abs(a.Value - b.Value) <= 1e-9 * Math.Max(1, Math.Abs(a.Value));

    static string Show(FeatureSql.Row x) => $"({x.Recency}, {x.Frequency}, {x.Monetary}, {x.Aov}, {x.First}, {x.Last}, {x.R}{x.F}{x.M}, [{string.Join(" ", x.Shares)}])";

    static double? N(double v) => double.IsNaN(v) ? null : v;
    static int? I(double v) => double.IsNaN(v) ? null : (int)v;
    static DateOnly? D(int day) => day == DateColumn.Missing ? null : DateColumn.ToDate(day);

    static void Row(string name, double[] xs, double[] patron) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {Median(xs) / 1000:0.00} s ({xs.Min() / 1000:0.00}) | {Median(xs) / Median(patron):0.00} | {string.Join(", ", xs.Select(x => x.ToString("0", CultureInfo.InvariantCulture)))} |"));

    static double Time(Action action)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var watch = Stopwatch.StartNew();
        action();
        return watch.Elapsed.TotalMilliseconds;
    }

    static double Median(double[] xs)
    {
        var s = xs.Order().ToArray();
        return s.Length % 2 == 1 ? s[s.Length / 2] : (s[s.Length / 2 - 1] + s[s.Length / 2]) / 2;
    }
}
