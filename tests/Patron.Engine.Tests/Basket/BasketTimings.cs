using System.Diagnostics;
using Patron.Engine.Basket;

namespace Patron.Engine.Tests.Basket;

/// <summary>
/// Timings to read, not to assert (the machine is shared, so CPU time is printed beside wall time). Run in Release:
///   dotnet build -c Release tests/Patron.Engine.Tests
///   tests/Patron.Engine.Tests/bin/Release/net10.0/Patron.Engine.Tests -class Patron.Engine.Tests.Basket.BasketTimings -explicit only -showLiveOutput
/// </summary>
public sealed class BasketTimings(ITestOutputHelper output)
{
    [Fact(Explicit = true)]
    public void Groceries_at_three_supports()
    {
        var data = Groceries.Get();
        foreach (var (support, confidence) in new[] { (0.001, 0.5), (0.002, 0.5), (0.006, 0.25) })
        {
            Measure(data.Baskets, support, confidence);   // warm-up: JIT and tiering
            var runs = Enumerable.Range(0, 21).Select(_ => Measure(data.Baskets, support, confidence)).OrderBy(r => r.Wall).ToList();
            var median = runs[runs.Count / 2];
            output.WriteLine($"groceries support {support} confidence {confidence}: {median.Itemsets:N0} itemsets, {median.Rules:N0} rules; " +
                $"median of {runs.Count}: {median.Wall.TotalMilliseconds:F1} ms wall ({median.Mining.TotalMilliseconds:F1} ms mining), fastest {runs[0].Wall.TotalMilliseconds:F1} ms");
        }
    }

    [Fact(Explicit = true)]
    public void Two_million_generated_baskets()
    {
        var clock = Stopwatch.StartNew();
        var baskets = SyntheticBaskets.Generate(2_000_000, 3000, seed: 5);
        output.WriteLine($"generated {baskets.Count:N0} baskets, {baskets.Items.Length:N0} lines, {baskets.ItemCount:N0} items in {clock.Elapsed.TotalSeconds:F1} s");
        foreach (var support in new[] { 0.005, 0.002, 0.001 })
        {
            GC.Collect();
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var run = Measure(baskets, support, 0.3);
            cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            var allocated = (GC.GetTotalAllocatedBytes(precise: true) - before) / 1048576.0;
            output.WriteLine($"2M baskets support {support} confidence 0.3: {run.Itemsets:N0} itemsets, {run.Rules:N0} rules in {run.Wall.TotalSeconds:F2} s wall " +
                $"({run.Mining.TotalSeconds:F2} s mining), {cpu.TotalSeconds:F2} s CPU, {allocated:N0} MiB allocated");
        }
        output.WriteLine($"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:N0} MiB (the 76 MiB of input included)");
    }

    static (TimeSpan Wall, TimeSpan Mining, int Itemsets, int Rules) Measure(BasketSet baskets, double support, double confidence)
    {
        var clock = Stopwatch.StartNew();
        var mined = FpGrowth.Mine(baskets, support);
        var mining = clock.Elapsed;
        var rules = AssociationRules.Generate(mined, confidence);
        return (clock.Elapsed, mining, mined.Itemsets.Count, rules.Count);
    }
}
