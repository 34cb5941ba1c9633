using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using Patron.Commerce.Contracts;
using Patron.Engine.Features;
using Patron.Platform;
using Patron.Segmentation;
using Patron.Segmentation.Contracts;

namespace Patron.Bench;

/// <summary>
/// The web host's start-up load: <see cref="SegmentationEngine.EnsureLoadedAsync"/> reading the generated shop
/// (<see cref="SegmentData"/>) back from SQLite or PostgreSQL into the feature store. Reports wall and CPU time, the
/// peak managed heap during the load and the store's size after it, checks every customer's features against the
/// in-memory build of the same shop, then times the month-over-month lifecycle transition matrix on the same database.
/// Usage: Patron.Bench featureload [--customers N] [--lines L] [--provider sqlite|postgres] [--sqlite PATH] [--runs R]
/// (PostgreSQL from PATRON_BENCH_POSTGRES; an existing --sqlite file of the same shape is reused, since writing 20M lines
/// is the slow part and not what is measured).
/// </summary>
static class FeatureLoadBench
{
    public static readonly DateTime Now = SegmentData.AsOf.ToDateTime(new TimeOnly(4, 0), DateTimeKind.Utc);

    public static int Run(string[] args) => RunAsync(args).GetAwaiter().GetResult();

    static async Task<int> RunAsync(string[] args)
    {
        var (customers, lines, provider, sqlite, runs) = (1_000_000, 20_000_000L, "sqlite", (string?)null, 3);
        for (var i = 0; i < args.Length; i++)
            switch (args[i])
            {
                case "--customers" when i + 1 < args.Length: customers = int.Parse(args[++i]); break;
                case "--lines" when i + 1 < args.Length: lines = long.Parse(args[++i]); break;
                case "--provider" when i + 1 < args.Length: provider = args[++i]; break;
                case "--sqlite" when i + 1 < args.Length: sqlite = args[++i]; break;
                case "--runs" when i + 1 < args.Length: runs = int.Parse(args[++i]); break;
                default:
                    Console.Error.WriteLine("usage: Patron.Bench featureload [--customers N] [--lines L] [--provider sqlite|postgres] [--sqlite PATH] [--runs R]");
                    return 2;
            }
        var data = new SegmentData(customers, lines);
        var options = provider switch
        {
            "sqlite" => new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={Path.GetFullPath(sqlite ?? $"/tmp/patron-featureload-{customers}-{lines}.db")}" },
            "postgres" => await PostgresAsync($"patron_bench_featureload_{customers}_{lines}", fresh: false),
            _ => null,
        };
        if (options is null) { Console.Error.WriteLine("--provider is sqlite or postgres (PATRON_BENCH_POSTGRES set)"); return 2; }

        Console.WriteLine($"# Feature store load from {provider}: {customers:N0} customers, ~{lines:N0} order lines, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        Console.WriteLine($"machine: {Machine.Describe()}; .NET {Environment.Version}; load average before: {Machine.LoadAverage()}");
        await using (var db = PatronDatabase.Create(options))
        {
            await db.Database.MigrateAsync();
            if (await db.Customers.CountAsync() != customers)
            {
                if (await db.Customers.AnyAsync()) { Console.Error.WriteLine("The database holds another shop: delete it or give --sqlite another path."); return 2; }
                var setup = Stopwatch.StartNew();
                await FeatureLoadShop.WriteAsync(db, data);
                Console.WriteLine($"setup (not measured): shop written in {setup.Elapsed.TotalSeconds:0} s");
            }
        }

        var factory = new Contexts(options);
        var clock = new FixedClock(Now);
        SegmentationEngine? engine = null;
        var loads = new List<Usage>();
        for (var r = 0; r < runs; r++)
        {
            engine = null;
            var candidate = new SegmentationEngine(factory, clock, Options.Create(new PatronOptions()), Options.Create(new SegmentationOptions()));
            loads.Add(await Usage.MeasureAsync(() => candidate.EnsureLoadedAsync()));
            engine = candidate;
            Console.Error.WriteLine($"load {r + 1} of {runs}: {loads[^1]}");
        }
        var storeBytes = Usage.Heap();
        Console.WriteLine($"start-up load (EnsureLoadedAsync), median of {runs}: {Usage.Median(loads)}");
        Console.WriteLine($"heap held after the load (store, catalogue, ids): {storeBytes / 1048576.0:0} MiB, {storeBytes / (double)customers:0} bytes per customer");

        var (checkedCustomers, ties) = await CrossCheckAsync(engine!, data);
        Console.WriteLine($"cross-check: all {checkedCustomers:N0} customers have the same features as the in-memory build of the same shop " +
                          $"(top category aside for {ties:N0} with a tie between categories)");
        engine = null;
        Usage.Heap();

        var transitions = await TransitionsAsync(options, clock, runs);
        Console.WriteLine($"lifecycle transition matrix (last completed month, {transitions.Customers:N0} customers), median of {runs}: {transitions.Usage}; cached answer: {transitions.Hit.TotalMilliseconds:0.00} ms");
        Console.WriteLine($"load average after: {Machine.LoadAverage()}");
        return 0;
    }

    static async Task<(int Customers, int Ties)> CrossCheckAsync(SegmentationEngine engine, SegmentData data)
    {
        var memory = new FeatureStore(SegmentData.AsOf, new SegmentationOptions().Features(), capacity: data.Customers);
        memory.BeginBulk();
        for (var i = 0; i < data.Customers; i++) memory.Upsert(data.Ids[i], data.Facts(i));
        foreach (var (c, p) in data.Orders()) memory.ApplyPurchase(data.Ids[c], p);
        memory.EndBulk(SegmentData.AsOf);
        return await engine.ReadAsync((loaded, _) =>
        {
            if (loaded.Count != memory.Count) throw new InvalidOperationException($"loaded {loaded.Count} customers, built {memory.Count}");
            var ties = 0;
            for (var i = 0; i < data.Customers; i++)
            {
                var (a, b) = (loaded.Get(data.Ids[i])!, memory.Get(data.Ids[i])!);
                // Equal category spends go to the category the store met first, and the load meets an order's categories
                // in id order rather than line order: a tie may name another, equally top, category.
                if (a.TopCategory != b.TopCategory) ties++;
                if (a with { TopCategory = null } != b with { TopCategory = null })
                    throw new InvalidOperationException($"customer {i}: loaded {a}, built {b}");
            }
            return (memory.Count, ties);
        });
    }

    static async Task<(Usage Usage, TimeSpan Hit, int Customers)> TransitionsAsync(DatabaseOptions options, TimeProvider clock, int runs)
    {
        var runsTaken = new List<Usage>();
        LifecycleTransitionsView? view = null;
        for (var r = 0; r < runs; r++)
        {
            var cache = new LifecycleTransitionsCache(clock);
            await using var db = PatronDatabase.Create(options);
            var handler = new GetLifecycleTransitionsHandler(db, new SalesHistory(db), clock, Options.Create(new PatronOptions()),
                Options.Create(new SegmentationOptions()), cache);
            runsTaken.Add(await Usage.MeasureAsync(async () => view = (await handler.HandleAsync(new GetLifecycleTransitions())).Value));
            if (r == runs - 1)
            {
                var hit = Stopwatch.StartNew();
                await handler.HandleAsync(new GetLifecycleTransitions());
                hit.Stop();
                return (Usage.Median(runsTaken), hit.Elapsed, view!.Counts.Sum(row => row.Sum()));
            }
        }
        throw new InvalidOperationException("--runs must be at least 1");
    }

    /// <summary>A database on PATRON_BENCH_POSTGRES's server: kept when it exists unless <paramref name="fresh"/>.</summary>
    public static async Task<DatabaseOptions> PostgresAsync(string name, bool fresh)
    {
        var server = Environment.GetEnvironmentVariable("PATRON_BENCH_POSTGRES");
        if (string.IsNullOrEmpty(server)) throw new InvalidOperationException("PATRON_BENCH_POSTGRES is not set: run the harness through bench/run.sh.");
        await using (var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString))
        {
            await conn.OpenAsync();
            if (fresh)
            {
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", conn);
                await drop.ExecuteNonQueryAsync();
            }
            await using var exists = new NpgsqlCommand($"SELECT 1 FROM pg_database WHERE datname = '{name}'", conn);
            if (await exists.ExecuteScalarAsync() is null)
            {
                await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", conn);
                await create.ExecuteNonQueryAsync();
            }
        }
        return new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString };
    }

    public sealed class Contexts(DatabaseOptions options) : IDbContextFactory<PatronDb>
    {
        public PatronDb CreateDbContext() => PatronDatabase.Create(options);
    }

    public sealed class FixedClock(DateTime now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(now);
    }
}
