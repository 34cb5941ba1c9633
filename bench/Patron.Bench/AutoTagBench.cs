using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Patron.Platform;
using Patron.Platform.Audit;
using Patron.Segmentation;

namespace Patron.Bench;

/// <summary>
/// Auto-tags at scale: a rule matching half of the generated customers (four of eight cities) is refreshed on a fresh
/// database (every match is tagged), then turned to the other four cities (every tag comes off, the other half is
/// tagged). Reports each refresh's wall and CPU time and checks that the tag ends up on exactly the rule's members.
/// Usage: Patron.Bench autotags [--customers N] [--provider sqlite|postgres]
/// </summary>
static class AutoTagBench
{
    const string Tag = "华东";

    public static int Run(string[] args) => RunAsync(args).GetAwaiter().GetResult();

    static async Task<int> RunAsync(string[] args)
    {
        var (customers, provider) = (200_000, "sqlite");
        for (var i = 0; i < args.Length; i++)
            switch (args[i])
            {
                case "--customers" when i + 1 < args.Length: customers = int.Parse(args[++i]); break;
                case "--provider" when i + 1 < args.Length: provider = args[++i]; break;
                default: Console.Error.WriteLine("usage: Patron.Bench autotags [--customers N] [--provider sqlite|postgres]"); return 2;
            }
        var file = $"/tmp/patron-autotags-{customers}.db";
        File.Delete(file);
        var options = provider == "postgres" ? await FeatureLoadBench.PostgresAsync($"patron_bench_autotags_{customers}", fresh: true)
            : new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={file}" };
        Console.WriteLine($"# Auto-tags on {provider}: {customers:N0} customers, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        Console.WriteLine($"machine: {Machine.Describe()}; .NET {Environment.Version}; load average before: {Machine.LoadAverage()}");
        var clock = new FeatureLoadBench.FixedClock(FeatureLoadBench.Now);
        await using var db = PatronDatabase.Create(options, clock);
        await db.Database.MigrateAsync();
        await FeatureLoadShop.WriteAsync(db, new SegmentData(customers, 0));
        var engine = new SegmentationEngine(new FeatureLoadBench.Contexts(options), clock, Options.Create(new PatronOptions()), Options.Create(new SegmentationOptions()));
        await engine.EnsureLoadedAsync();
        var rule = new AutoTagRule { Id = Ids.New(), Name = "华东四城", Tag = Tag, RuleJson = Cities("上海", "杭州", "南京", "苏州"), CreatedAt = clock.GetUtcNow().UtcDateTime };
        db.Add(rule);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        var handler = new RefreshAutoTagsHandler(db, engine, new Customers.Contracts.CustomerTags(db, clock), new AuditLog(db, clock), clock);

        AutoTagOutcome? outcome = null;
        var first = await Usage.MeasureAsync(async () => outcome = await handler.HandleAsync());
        Console.WriteLine($"first refresh, {outcome!.Tagged:N0} tagged: {first}");
        await CheckAsync(db, outcome.Tagged);
        await db.Set<AutoTagRule>().Where(r => r.Id == rule.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.RuleJson, Cities("北京", "广州", "深圳", "成都")));
        var second = await Usage.MeasureAsync(async () => outcome = await handler.HandleAsync());
        Console.WriteLine($"rule turned to the other half, {outcome!.Untagged:N0} untagged and {outcome.Tagged:N0} tagged: {second}");
        await CheckAsync(db, outcome.Tagged);
        Console.WriteLine($"load average after: {Machine.LoadAverage()}");
        return 0;
    }

    static string Cities(params string[] cities) => $$"""{"field": "city", "op": "in", "value": [{{string.Join(", ", cities.Select(c => $"\"{c}\""))}}]}""";

    static async Task CheckAsync(PatronDb db, int expected)
    {
        var holders = await db.Customers.AsNoTracking().CountAsync(c => c.Tags.Contains(Tag));
        if (holders != expected) throw new InvalidOperationException($"{holders} customers carry the tag, the rule matched {expected}");
    }
}
