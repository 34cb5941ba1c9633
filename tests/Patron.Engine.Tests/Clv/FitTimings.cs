using System.Diagnostics;
using Patron.Engine.Clv;

namespace Patron.Engine.Tests.Clv;

/// <summary>
/// Timings for the benchmark notes, not assertions: run on demand, in Release, e.g.
/// <c>dotnet build -c Release tests/Patron.Engine.Tests &amp;&amp; tests/Patron.Engine.Tests/bin/Release/net10.0/Patron.Engine.Tests
/// -explicit only -class Patron.Engine.Tests.Clv.FitTimings -showliveoutput</c>.
/// </summary>
public sealed class FitTimings
{
    static void Print(string line) => TestContext.Current.TestOutputHelper!.WriteLine(line);

    [Fact(Explicit = true)]
    public void Fit_time_on_the_CDNOW_summaries()
    {
        var s = CdnowData.Summaries();
        int[] x = [.. s.Select(c => c.X)];
        double[] tx = [.. s.Select(c => c.Tx)], t = [.. s.Select(c => c.T)];
        for (var run = 1; run <= 5; run++)
        {
            var watch = Stopwatch.StartNew();
            var fit = BgNbdFitter.Fit(BgNbdData.Group(x, tx, t));
            Print($"CDNOW 2,357 customers, run {run}: group + fit + standard errors {watch.Elapsed.TotalMilliseconds:0.0} ms ({fit.Groups} groups, {fit.Evaluations} evaluations)");
        }
    }

    [Fact(Explicit = true)]
    public void Fit_time_on_a_million_simulated_customers()
    {
        // Times recorded in whole days and expressed in weeks, a cohort joining over 12 weeks and observed to week 78.
        var truth = new BgNbdParameters(0.25, 4, 0.8, 2.5);
        var watch = Stopwatch.StartNew();
        var (x, tx, t) = Simulation.BgNbd(truth, 1_000_000, 66, 78, seed: 1, resolution: 1.0 / 7);
        Print($"simulate 1,000,000 customers: {watch.ElapsedMilliseconds} ms");
        for (var run = 1; run <= 3; run++)
        {
            watch.Restart();
            var data = BgNbdData.Group(x, tx, t);
            var grouped = watch.Elapsed.TotalMilliseconds;
            var fit = BgNbdFitter.Fit(data);
            Print($"run {run}: group {grouped:0} ms + fit and standard errors {watch.Elapsed.TotalMilliseconds - grouped:0} ms = {watch.Elapsed.TotalMilliseconds:0} ms " +
                $"({data.Groups:N0} groups, {fit.Evaluations} evaluations; r {fit.Parameters.R:0.0000}, α {fit.Parameters.Alpha:0.000}, a {fit.Parameters.A:0.000}, b {fit.Parameters.B:0.000})");
        }
        watch.Restart();
        var p = truth;
        var settings = new ClvSettings();
        var perMonth = LifetimeValue.PeriodsPerMonth(ClvTimeUnit.Week);
        var sum = 0.0;
        for (var i = 0; i < x.Length; i++)
            sum += BgNbdModel.ProbabilityAlive(p, x[i], tx[i], t[i]) + LifetimeValue.ExpectedPurchases(p, x[i], tx[i], t[i], perMonth, settings).Total;
        Print($"predict 1,000,000 customers (P(alive) and 12 monthly discounted expectations): {watch.ElapsedMilliseconds} ms (checksum {sum:0})");
    }
}
