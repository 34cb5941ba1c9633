using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Patron.Commerce;
using Patron.Commerce.Contracts;
using Patron.Customers;
using Patron.Customers.Contracts;
using Patron.Engine.Loyalty;
using Patron.Loyalty;
using Patron.Platform;
using Patron.Platform.Audit;

namespace Patron.Bench;

/// <summary>
/// Till latency on PostgreSQL: concurrent tills, each quoting a cart and then committing a coupon and points for a
/// random member, as the till API's handlers do (a fresh context per call, like a request scope). A second phase puts
/// every till on one member, the worst case for the account's optimistic concurrency. Reports median and p99.
/// Usage: Patron.Bench till [--members N] [--tills N] [--sales N]; PostgreSQL from PATRON_BENCH_POSTGRES.
/// </summary>
static class TillLatency
{
    static readonly Actor Till = new(ActorKind.ApiKey, "bench", "bench till");

    public static async Task<int> RunAsync(string[] args, string server)
    {
        int members = 2000, tills = 8, sales = 4000;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--members" when i + 1 < args.Length && int.TryParse(args[++i], out members):
                case "--tills" when i + 1 < args.Length && int.TryParse(args[++i], out tills):
                case "--sales" when i + 1 < args.Length && int.TryParse(args[++i], out sales):
                    break;
                default:
                    Console.Error.WriteLine("usage: Patron.Bench till [--members N] [--tills N] [--sales N]");
                    return 2;
            }
        }
        var options = await FreshDatabaseAsync(server);
        Console.WriteLine($"# Till latency on PostgreSQL, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC: {members:N0} members, {tills} concurrent tills, {sales:N0} sales");
        Console.WriteLine($"machine: {Environment.ProcessorCount} CPUs; load average before: {Load()}");
        var shop = await SeedAsync(options, members);

        Console.WriteLine();
        Console.WriteLine("| phase | quote: median / p99 | commit: median / p99 | sales/s |");
        Console.WriteLine("|---|---:|---:|---:|");
        await PhaseAsync("warm-up (discarded)", options, shop, tills, Math.Min(sales / 4, 500), anyMember: true, print: false);
        await PhaseAsync("random members", options, shop, tills, sales, anyMember: true, print: true);
        await PhaseAsync("one member, every till", options, shop, tills, Math.Min(sales / 4, 1000), anyMember: false, print: true);
        Console.WriteLine();
        Console.WriteLine($"load average after: {Load()}");
        return 0;
    }

    sealed record Shop(Guid[] Members, Guid[] Products, Dictionary<Guid, Queue<string>> Coupons);

    static async Task PhaseAsync(string name, DatabaseOptions options, Shop shop, int tills, int sales, bool anyMember, bool print)
    {
        var quotes = new double[sales];
        var commits = new double[sales];
        var next = -1;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, tills).Select(t => Task.Run(async () =>
        {
            var random = new Random(t);
            for (int i; (i = Interlocked.Increment(ref next)) < sales;)
            {
                var member = anyMember ? shop.Members[random.Next(shop.Members.Length)] : shop.Members[0];
                TillLine[] cart = [new(shop.Products[random.Next(shop.Products.Length)], 12_000), new(shop.Products[random.Next(shop.Products.Length)], 3_500)];
                string? code = null;
                lock (shop.Coupons) if (shop.Coupons[member].Count > 0 && i % 2 == 0) code = shop.Coupons[member].Dequeue();

                var start = Stopwatch.GetTimestamp();
                await using (var db = PatronDatabase.Create(options))
                {
                    var quote = await new QuoteTillHandler(db, new CustomerDirectory(db), new StoreDirectory(db), TimeProvider.System)
                        .HandleAsync(new QuoteTill(member, cart));
                    if (quote.Value is null) throw new InvalidOperationException("The quote failed: " + quote.Errors);
                }
                quotes[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;

                start = Stopwatch.GetTimestamp();
                await using (var db = PatronDatabase.Create(options))
                {
                    var commit = await new CommitTillHandler(db, new CustomerDirectory(db), new StoreDirectory(db), TimeProvider.System)
                        .HandleAsync(new CommitTill(member, $"{name}-{i}", cart, code is null ? [] : [code], Points: 10), Till);
                    if (commit.Value is null) throw new InvalidOperationException("The commit failed: " + commit.Errors);
                }
                commits[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }
        })));
        if (print)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {Pct(quotes, 50):0.0} / {Pct(quotes, 99):0.0} ms | {Pct(commits, 50):0.0} / {Pct(commits, 99):0.0} ms | {sales / watch.Elapsed.TotalSeconds:0} |"));
    }

    static double Pct(double[] xs, int p)
    {
        var s = xs.Order().ToArray();
        return s[Math.Min(s.Length - 1, (int)Math.Ceiling(p / 100.0 * s.Length) - 1)];
    }

    static async Task<DatabaseOptions> FreshDatabaseAsync(string server)
    {
        const string name = "patron_bench_till";
        await using (var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString))
        {
            await conn.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", conn);
            await drop.ExecuteNonQueryAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", conn);
            await create.ExecuteNonQueryAsync();
        }
        var options = new DatabaseOptions
        {
            Provider = DatabaseProvider.Postgres,
            ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name, MaxPoolSize = 64 }.ConnectionString,
        };
        await using var db = PatronDatabase.Create(options);
        await db.Database.MigrateAsync();
        return options;
    }

    /// <summary>Members with 100,000 points in one lot each and a stack of 满100减10 coupons; a catalogue of 50 products.</summary>
    static async Task<Shop> SeedAsync(DatabaseOptions options, int members)
    {
        var now = DateTime.UtcNow;
        await using var db = PatronDatabase.Create(options);
        var category = new Category { Id = Ids.New(), Code = "ALL", Name = "全部" };
        var products = Enumerable.Range(0, 50).Select(i => new Product { Id = Ids.New(), Sku = $"SKU-{i}", Name = $"商品{i}", CategoryId = category.Id, ListPrice = 1000 }).ToArray();
        var template = new CouponTemplate { Id = Ids.New(), Name = "满100减10", Kind = CouponKind.Threshold, AmountOff = 1000, MinSpend = 10_000, Stackable = true, ValidDays = 30, CreatedAt = now };
        db.Add(category);
        db.AddRange(products);
        db.Add(template);
        var ids = new Guid[members];
        var coupons = new Dictionary<Guid, Queue<string>>();
        for (var i = 0; i < members; i++)
        {
            var id = ids[i] = Ids.New();
            db.Add(new Customer { Id = id, Name = $"会员{i}", SignedUpAt = now, CreatedAt = now, UpdatedAt = now });
            var entry = PointsEntry.New(id, PointsEntryKind.Earn, 100_000, "bench", "bench", now, Actor.System);
            db.AddRange(entry, new PointsLot { Id = Ids.New(), CustomerId = id, EntryId = entry.Id, Points = 100_000, Remaining = 100_000, EarnedAt = now, AvailableFrom = now, ExpiresAt = now.AddYears(1) },
                new PointsAccount { CustomerId = id, Balance = 100_000, Version = 1, UpdatedAt = now });
            coupons[id] = new Queue<string>();
            for (var c = 0; c < 5; c++)
            {
                var code = $"B{i:D6}{c}";
                coupons[id].Enqueue(code);
                db.Add(new Coupon { Id = Ids.New(), TemplateId = template.Id, CustomerId = id, Code = code, Status = CouponStatus.Issued, IssuedAt = now, ValidFrom = now, ValidTo = now.AddDays(30), IssueKey = $"bench-{c}" });
            }
        }
        await db.SaveChangesAsync();
        return new Shop(ids, products.Select(p => p.Id).ToArray(), coupons);
    }

    static string Load() => File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
}
