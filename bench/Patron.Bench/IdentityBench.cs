using System.Diagnostics;
using System.Globalization;
using System.Text;
using Patron.Cli.Files;
using Patron.Engine.Matching;

namespace Patron.Bench;

/// <summary>
/// Identity resolution: pairwise precision, recall and F1 on FEBRL 1-3 (dedupe) and 4a+4b (linkage) and on a generated
/// Chinese set, then the speed of a batch of generated customers. Every run goes through `patron dedupe`'s own path
/// (DedupeInput: the file reader, Patron's cleaning rules, the default model), so the figures are the command's.
/// Usage: Patron.Bench identity [--data DIR] [--records N] [--upper X] [--review X]
/// </summary>
static class IdentityBench
{
    public static int Run(string[] args)
    {
        var data = "../shared/data/febrl";
        var records = 1_000_000;
        var (upper, review) = (MatchModel.DefaultUpper, MatchModel.DefaultReview);
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--data" when i + 1 < args.Length: data = args[++i]; break;
                case "--records" when i + 1 < args.Length && int.TryParse(args[i + 1], out records): i++; break;
                case "--upper" when i + 1 < args.Length: upper = double.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--review" when i + 1 < args.Length: review = double.Parse(args[++i], CultureInfo.InvariantCulture); break;
                default:
                    Console.Error.WriteLine("usage: Patron.Bench identity [--data FEBRL_DIR] [--records N] [--upper X] [--review X]");
                    return 2;
            }
        }
        Console.WriteLine($"# Identity resolution, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; upper {upper}, review {review}");
        Console.WriteLine($"machine: {Machine.Describe()}; .NET {Environment.Version}; load average before: {Machine.LoadAverage()}");
        Console.WriteLine();
        Console.WriteLine("| data set | mode | records | pairs compared | true pairs | predicted | precision | recall | F1 | seconds |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var n in new[] { 1, 2, 3 })
            Report($"FEBRL {n}", "dedupe", [Path.Combine(data, $"dataset{n}.csv")], upper, review, oneToOne: false, Febrl);
        var four = new[] { Path.Combine(data, "dataset4a.csv"), Path.Combine(data, "dataset4b.csv") };
        Report("FEBRL 4a+4b", "link", four, upper, review, oneToOne: false, Febrl);
        Report("FEBRL 4a+4b", "link, one-to-one", four, upper, review, oneToOne: true, Febrl);
        // How much the figure depends on the merge threshold (the rest of the model unchanged).
        foreach (var u in new[] { 6.0, 8, 10, 15, 20, 25 })
            Report($"FEBRL 4a+4b, upper {u}", "link", four, u, Math.Min(review, u), oneToOne: false, Febrl);

        var folder = Directory.CreateTempSubdirectory("patron-identity-").FullName;
        try
        {
            var chinese = Path.Combine(folder, "chinese.csv");
            Write(chinese, new ChineseCustomers(seed: 42).Generate(10_000));
            Report("Chinese generated (seed 42, 10,000 entities)", "dedupe", [chinese], upper, review, oneToOne: false, r => r.Split("-dup-")[0].TrimStart('c'));
            Speed(folder, records, upper, review);
        }
        finally { Directory.Delete(folder, recursive: true); }
        return 0;
    }

    /// <summary>FEBRL's truth: rec-N-org and rec-N-dup-K are entity N.</summary>
    static string Febrl(string id) => id.Split('-')[1];

    static void Report(string name, string mode, string[] paths, double upper, double review, bool oneToOne, Func<string, string> entity)
    {
        if (paths.Any(p => !File.Exists(p))) { Console.WriteLine($"| {name} | {mode} | data not found | | | | | | | |"); return; }
        var clock = Stopwatch.StartNew();
        var input = DedupeInput.Read(paths, "rec_id", [], []);
        var result = input.Resolve(paths.Length == 2, upper, review, oneToOne);
        var seconds = clock.Elapsed.TotalSeconds;
        var a = PairwiseAccuracy.Of(result.Cluster, [.. input.Ids.Select(entity)], paths.Length == 2 ? input.Source : null);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {mode} | {input.Ids.Count:N0} | {result.PairsCompared:N0} | {a.TruePairs:N0} | {a.PredictedPairs:N0} | {a.Precision:0.0000} | {a.Recall:0.0000} | {a.F1:0.0000} | {seconds:0.00} |"));
    }

    /// <summary>A generated file of about `records` rows through the command's path: read, clean, match, cluster.</summary>
    static void Speed(string folder, int records, double upper, double review)
    {
        var path = Path.Combine(folder, "customers.csv");
        // 30% of entities get 1-3 duplicates (2 on average): 1.6 rows per entity.
        var rows = new ChineseCustomers(seed: 7).Generate((int)(records / 1.6));
        Write(path, rows);
        var truth = rows.ToDictionary(r => r.Id, r => r.Entity);
        rows.Clear();
        rows.Capacity = 0;
        GC.Collect();
        GC.Collect();
        var process = Process.GetCurrentProcess();
        var cpu0 = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var input = DedupeInput.Read([path], "rec_id", [], []);
        var (read, readCpu) = (clock.Elapsed.TotalSeconds, Cpu(process, cpu0));
        var prepared = input.Records(linking: false);
        var (prepare, prepareCpu) = (clock.Elapsed.TotalSeconds, Cpu(process, cpu0));
        var result = Resolver.Resolve(prepared, MatchModel.Settings([.. input.Fields.Select(f => f.Role)], upper, review));
        var (total, totalCpu) = (clock.Elapsed.TotalSeconds, Cpu(process, cpu0));
        var a = PairwiseAccuracy.Of(result.Cluster, [.. input.Ids.Select(id => truth[id])]);
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Speed: {input.Ids.Count:N0} generated customer rows (seed 7), {result.PairsCompared:N0} pairs compared in {result.Blocks:N0} blocks " +
            $"({result.SkippedBlocks:N0} oversized blocks skipped), {result.DeterministicLinks:N0} identifier links, {result.Merged:N0} pairs merged, " +
            $"{result.Reviews:N0} to review, {result.Clusters:N0} clusters; precision {a.Precision:0.0000}, recall {a.Recall:0.0000}, F1 {a.F1:0.0000}."));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"- wall (CPU) seconds: read and clean (CSV, phones, dates, addresses) {read:0.0} ({readCpu:0.0}); normalise and precompute {prepare - read:0.0} ({prepareCpu - readCpu:0.0}); " +
            $"block, score and cluster {total - prepare:0.0} ({totalCpu - prepareCpu:0.0}); total {total:0.0} ({totalCpu:0.0})"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"- peak working set of the process: {Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024 / 1024:0.00} GiB (includes generating the data); load average after: {Machine.LoadAverage()}"));
    }

    /// <summary>CPU seconds of the process since start: on a shared machine, the part of the wall time that was ours.</summary>
    static double Cpu(Process process, TimeSpan start)
    {
        process.Refresh();
        return (process.TotalProcessorTime - start).TotalSeconds;
    }

    static void Write(string path, IEnumerable<GeneratedCustomer> rows)
    {
        using var w = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        w.WriteLine("rec_id,姓名,手机,邮箱,生日,地址");
        foreach (var r in rows) w.WriteLine($"{r.Id},{Q(r.Name)},{Q(r.Mobile)},{Q(r.Email)},{Q(r.Birthday)},{Q(r.Address)}");
    }

    static string Q(string s) => s.Contains(',') || s.Contains('"') ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
}
