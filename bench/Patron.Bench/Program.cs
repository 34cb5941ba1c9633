using System.Diagnostics;
using System.Globalization;

namespace Patron.Bench;

/// <summary>
/// RFM on one transactions file, Patron against DuckDB and PostgreSQL in the same process and run:
/// (a) load: file to each system's loaded form, (b) compute: RFM on the loaded data, (c) end to end: file to RFM.
/// Each is run --runs times after one discarded warm-up; medians and minimums are reported, with ratios to Patron.
/// The three results must agree on every customer, or the run fails.
/// Usage: Patron.Bench [--file PATH] [--runs N], or Patron.Bench till … (see <see cref="TillLatency"/>), or Patron.Bench identity …
/// (see IdentityBench), or Patron.Bench featureload … (see FeatureLoadBench), or Patron.Bench clean FILE (see <see cref="CleanBench"/>);
/// PostgreSQL comes from PATRON_BENCH_POSTGRES (bench/run.sh sets it).
/// </summary>
static class Program
{
    const string DefaultFile = "../shared/data/online-retail/online_retail.csv.gz";

    static int Main(string[] args)
    {
        if (args is ["till", ..])
        {
            var server = Environment.GetEnvironmentVariable("PATRON_BENCH_POSTGRES");
            if (string.IsNullOrEmpty(server)) { Console.Error.WriteLine("PATRON_BENCH_POSTGRES is not set: run bench/run.sh till."); return 2; }
            return TillLatency.RunAsync(args[1..], server).GetAwaiter().GetResult();
        }
        if (args is ["identity", .. var rest]) return IdentityBench.Run(rest);
        if (args.Length > 0 && args[0] == "segments") return SegmentBench.Run(args[1..]);
        if (args is ["features", .. var featureArgs]) return FeatureBench.Run(featureArgs);
        if (args is ["featureload", .. var loadArgs]) return FeatureLoadBench.Run(loadArgs);
        if (args is ["autotags", .. var tagArgs]) return AutoTagBench.Run(tagArgs);
        if (args is ["clean", .. var cleanArgs]) return CleanBench.Run(cleanArgs);
        var file = DefaultFile;
        var runs = 5;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--file" when i + 1 < args.Length: file = args[++i]; break;
                case "--runs" when i + 1 < args.Length && int.TryParse(args[i + 1], out runs) && runs > 0: i++; break;
                default:
                    Console.Error.WriteLine("usage: Patron.Bench [--file PATH] [--runs N]");
                    return 2;
            }
        }
        if (!File.Exists(file)) { Console.Error.WriteLine($"File not found: {file}"); return 2; }
        var postgres = Environment.GetEnvironmentVariable("PATRON_BENCH_POSTGRES");
        if (string.IsNullOrEmpty(postgres))
        {
            Console.Error.WriteLine("PATRON_BENCH_POSTGRES is not set: run bench/run.sh, or give a connection string to a PostgreSQL server.");
            return 2;
        }
        file = Path.GetFullPath(file);

        Console.WriteLine($"# RFM on {Path.GetFileName(file)}, {runs} runs per measurement (after 1 warm-up), {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        Console.WriteLine($"machine: {Machine.Describe()}; .NET {Environment.Version}; load average before: {Machine.LoadAverage()}");

        var patron = new PatronRfm(file);
        using var duck = new DuckDbRfm(file, threads: null);
        // Patron reads and aggregates on one thread: DuckDB on one thread shows how much of its lead is parallelism.
        using var duck1 = new DuckDbRfm(file, threads: 1);
        using var pg = new PostgresRfm(postgres, file);
        IRfmSystem[] systems = [patron, duck, duck1, pg];

        var results = new Dictionary<string, Dictionary<string, RfmRow>>();
        foreach (var s in systems)
        {
            Console.Error.WriteLine($"{s.Name} ({s.Version}): warm-up …");
            results[s.Name] = s.EndToEnd();
            s.Load();
            RfmResult.RequireSame(s.Name + " end to end", results[s.Name], s.Name + " compute", s.Compute());
        }
        var (lines, customers, rejected) = patron.Counts; // now, while Patron holds a loaded file
        // Round-robin: run i of every measurement of every system before run i + 1, so that a busy moment on the
        // shared cores spreads over all of them instead of landing on whichever system happened to be measured then.
        var timings = systems.ToDictionary(s => s.Name, _ => (Load: new double[runs], Compute: new double[runs], EndToEnd: new double[runs]));
        for (var i = 0; i < runs; i++)
        {
            Console.Error.WriteLine($"run {i + 1} of {runs} …");
            foreach (var s in systems)
            {
                var t = timings[s.Name];
                t.Load[i] = Time(s.Load);
                t.Compute[i] = Time(() => s.Compute());
                t.EndToEnd[i] = Time(() => s.EndToEnd());
            }
        }
        // The cross-check: every system, the same customers with the same recency, frequency and monetary.
        foreach (var s in systems.Skip(1)) RfmResult.RequireSame(patron.Name, results[patron.Name], s.Name, results[s.Name]);
        var rows = results[patron.Name].Values;
        Console.WriteLine($"data: {lines:N0} lines with a customer ({rejected:N0} rejected), {customers:N0} customers, " +
                          $"{rows.Sum(r => (long)r.Frequency):N0} purchases, net spend {rows.Sum(r => r.Monetary) / RfmResult.AmountScale:N2}; " +
                          "all systems agree on every customer.");
        Console.WriteLine($"versions: {string.Join("; ", systems.Select(s => $"{s.Name} {s.Version}"))}");
        Console.WriteLine($"load average after: {Machine.LoadAverage()}");
        Console.WriteLine();
        Console.WriteLine("| system | (a) load: median (min) | (b) compute: median (min) | (c) end to end: median (min) | ratio to Patron (a / b / c, medians) |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        var p = timings[patron.Name];
        foreach (var s in systems)
        {
            var t = timings[s.Name];
            Console.WriteLine($"| {s.Name} | {Ms(t.Load)} | {Ms(t.Compute)} | {Ms(t.EndToEnd)} | " +
                              $"{Ratio(t.Load, p.Load)} / {Ratio(t.Compute, p.Compute)} / {Ratio(t.EndToEnd, p.EndToEnd)} |");
        }
        Console.WriteLine();
        Console.WriteLine("Patron's load by stage (each includes the ones above it), median (min):");
        foreach (var (stage, run) in patron.LoadStages()) Console.WriteLine($"- {stage}: {Ms(Enumerable.Range(0, runs).Select(_ => Time(run)).ToArray())}");
        Console.WriteLine($"- + interning into engine columns (the whole load): {Ms(p.Load)}");
        return 0;
    }

    /// <summary>Wall milliseconds of one run; a full collection first so one run's garbage is not billed to the next.</summary>
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

    static string Ms(double[] xs) => string.Create(CultureInfo.InvariantCulture, $"{Median(xs):N0} ms ({xs.Min():N0})");

    /// <summary>The system's median over Patron's: below 1 means faster than Patron.</summary>
    static string Ratio(double[] xs, double[] patron) => string.Create(CultureInfo.InvariantCulture, $"{Median(xs) / Median(patron):0.00}");
}
