using System.Diagnostics;
using Patron.Engine.Segments;

namespace Patron.Engine.Tests.Segments;

/// <summary>
/// Live-count timing at the issue's scale: 1,000,000 customers, a 10-condition rule with one behavioural column.
/// Explicit, so it runs only when asked: `dotnet build -c Release tests/Patron.Engine.Tests` then
/// `tests/Patron.Engine.Tests/bin/Release/net10.0/Patron.Engine.Tests -explicit only -method "*SegmentBenchmark*" -showliveoutput`.
/// It prints timings and asserts nothing about them.
/// </summary>
public sealed class SegmentBenchmark
{
    const int Customers = 1_000_000;
    static readonly DateOnly AsOf = new(2025, 6, 15);

    const string TenConditions = """
        {"all":[
          {"field":"recency_days","op":"lte","value":90},
          {"field":"frequency","op":"gte","value":2},
          {"field":"monetary","op":"between","value":[5000,500000]},
          {"field":"orders_60d.水果","op":"gte","value":2},
          {"any":[{"field":"city","op":"in","value":["上海","杭州","苏州"]},{"field":"gender","op":"in","value":["female"]}]},
          {"field":"birthday","op":"anniversary_within_next_days","value":30},
          {"field":"signed_up","op":"more_than_days_ago","value":30},
          {"field":"last_purchase","op":"within_last_days","value":120},
          {"not":{"field":"tags","op":"has","value":"黑名单"}}
        ]}
        """;

    [Fact(Explicit = true)]
    public void Live_count_of_a_ten_condition_rule_over_a_million_customers()
    {
        var log = TestContext.Current.TestOutputHelper!;
        var table = Generate();
        var clock = Stopwatch.StartNew();
        var segment = SegmentCompiler.Compile(SegmentRuleJson.Parse(TenConditions), table);
        log.WriteLine($"parse + validate + compile {clock.Elapsed.TotalMilliseconds:N1} ms; working set {Environment.WorkingSet >> 20} MB");
        var times = new List<double>();
        // Process CPU time as well: on a shared machine the wall clock also measures the neighbours.
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        for (var run = 1; run <= 11; run++)
        {
            clock.Restart();
            var count = segment.CountMatches(AsOf);
            times.Add(clock.Elapsed.TotalMilliseconds);
            log.WriteLine($"run {run}: count {count:N0} in {times[^1]:N1} ms{(run == 1 ? " (includes the one-off month/day split of birthday)" : "")}");
        }
        var cpuPerCount = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / times.Count;
        clock.Restart();
        var members = segment.Matches(AsOf);
        log.WriteLine($"median count {times.Skip(1).Order().ElementAt(5):N1} ms (CPU {cpuPerCount:N1} ms per count, all runs); matching indices ({members.Length:N0}) {clock.Elapsed.TotalMilliseconds:N1} ms");
    }

    static FeatureTable Generate()
    {
        var random = new Random(1_000_000);
        double[] Numbers(Func<double> draw) => [.. Enumerable.Range(0, Customers).Select(_ => random.Next(20) == 0 ? double.NaN : draw())];
        DateOnly?[] Dates(int span) => [.. Enumerable.Range(0, Customers).Select(_ => random.Next(10) == 0 ? (DateOnly?)null : AsOf.AddDays(-random.Next(span)))];
        string[] cities = ["上海", "杭州", "北京", "广州", "深圳", "成都", "苏州", "南京"];
        return new FeatureTable(Customers)
            .Add(new NumericColumn("recency_days", Numbers(() => random.Next(730))))
            .Add(new NumericColumn("frequency", Numbers(() => random.Next(1, 40))))
            .Add(new NumericColumn("monetary", Numbers(() => random.Next(100, 1_000_000))))
            .Add(new NumericColumn("orders_60d.水果", Numbers(() => random.Next(6))))
            .Add(CategoryColumn.From("city", [.. Enumerable.Range(0, Customers).Select(_ => random.Next(15) == 0 ? null : cities[random.Next(cities.Length)])]))
            .Add(CategoryColumn.From("gender", [.. Enumerable.Range(0, Customers).Select(_ => random.Next(3) switch { 0 => "female", 1 => "male", _ => null })]))
            .Add(DateColumn.From("birthday", Dates(365 * 60)))
            .Add(DateColumn.From("signed_up", Dates(365 * 5)))
            .Add(DateColumn.From("last_purchase", Dates(730)))
            .Add(TagColumn.From("tags", [.. Enumerable.Range(0, Customers).Select(_ => random.Next(50) == 0 ? new[] { "黑名单" } : random.Next(4) == 0 ? new[] { "vip" } : null)]));
    }
}
