using System.Diagnostics;
using Patron.Engine.Rfm;

namespace Patron.Engine.Tests.Rfm;

/// <summary>
/// Engine-only timing at the scale: 1,000,000 customers, 20,000,000 lines. Explicit, so it runs only when
/// asked: `dotnet build -c Release tests/Patron.Engine.Tests` then
/// `tests/Patron.Engine.Tests/bin/Release/net10.0/Patron.Engine.Tests -explicit only -method "*RfmBenchmark*" -showliveoutput`.
/// It prints timings and asserts nothing about them.
/// </summary>
public sealed class RfmBenchmark
{
    const int Customers = 1_000_000;
    const int Lines = 20_000_000;
    static readonly DateOnly AsOf = new(2025, 1, 1);

    [Fact(Explicit = true)]
    public void Rfm_for_a_million_customers_and_twenty_million_lines()
    {
        var log = TestContext.Current.TestOutputHelper!;
        var (customer, order, date, amount) = Generate();
        log.WriteLine($"generated {Lines:N0} lines, {order[^1] + 1:N0} orders, {Customers:N0} customers; working set {Environment.WorkingSet >> 20} MB");
        for (var run = 1; run <= 3; run++)
        {
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            var values = RfmAggregation.Aggregate(new RfmTransactions(customer, order, date, amount), Customers, AsOf);
            var aggregate = clock.Elapsed;
            var scores = RfmScores.ByQuintiles(values);
            var total = clock.Elapsed;
            // Process CPU time as well: on a shared machine the wall clock also measures the neighbours.
            var cpuUsed = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            var bytes = GC.GetAllocatedBytesForCurrentThread() - allocated;
            var noOrders = Stopwatch.StartNew();
            RfmAggregation.Aggregate(new RfmTransactions(customer, [], date, amount), Customers, AsOf);
            log.WriteLine($"run {run}: aggregate {aggregate.TotalMilliseconds:N0} ms, quintile scores + segments {(total - aggregate).TotalMilliseconds:N0} ms, " +
                $"total {total.TotalMilliseconds:N0} ms (CPU {cpuUsed.TotalMilliseconds:N0} ms), allocated {bytes >> 20} MB; " +
                $"the same without an order column: aggregate {noOrders.Elapsed.TotalMilliseconds:N0} ms; champions {scores.Segment.Count(s => s == RfmSegment.Champions):N0}");
        }
    }

    /// <summary>
    /// Deterministic shop history in date order, as a file would be: orders of 1–4 lines for customers drawn with a
    /// skew (a few buy often, most rarely), over two years; about 3 % of orders are returns with a negative total.
    /// </summary>
    static (int[], int[], DateOnly[], long[]) Generate()
    {
        var random = new Random(20_000_000);
        var customer = new int[Lines];
        var order = new int[Lines];
        var date = new DateOnly[Lines];
        var amount = new long[Lines];
        var first = AsOf.AddDays(-730).DayNumber;
        var o = -1;
        for (var i = 0; i < Lines;)
        {
            o++;
            var who = (int)(Customers * Math.Pow(random.NextDouble(), 2));
            var day = DateOnly.FromDayNumber(first + (int)((long)730 * i / Lines));
            var sign = random.Next(100) < 3 ? -1 : 1;
            for (var n = random.Next(1, 5); n > 0 && i < Lines; n--, i++)
            {
                customer[i] = who;
                order[i] = o;
                date[i] = day;
                amount[i] = sign * random.Next(100, 20_000);
            }
        }
        return (customer, order, date, amount);
    }
}
