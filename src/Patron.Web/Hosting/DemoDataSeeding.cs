using System.Diagnostics;
using Patron.DemoData;
using Patron.Platform;

namespace Patron.Web.Hosting;

/// <summary>First start on an empty embedded database: fill it with the demo chain (the defaults: 20,000 members, 24 months, seed 42, zh-CN).</summary>
static class DemoDataSeeding
{
    public static async Task SeedAsync(IServiceProvider services, ILogger log)
    {
        var options = new DemoDataOptions();
        log.LogInformation("Empty database: generating demo data ({Customers} members, {Months} months, seed {Seed}, {Locale}); this takes a little while",
            options.Customers, options.Months, options.Seed, options.Locale);
        var summary = await DemoDataWriter.WriteAsync(services.GetRequiredService<PatronDb>(), options, new ProgressLog(log));
        log.LogInformation("Demo data ready: {Rows:N0} rows in {Seconds:0.0} s ({Tables})", summary.TotalRows, summary.Elapsed.TotalSeconds,
            string.Join(", ", summary.Tables.Select(t => $"{t.Table} {t.Rows:N0}")));
    }

    /// <summary>Logs a phase when it starts, then every few seconds, so the console shows the seeding is alive without flooding it.</summary>
    sealed class ProgressLog(ILogger log) : IProgress<DemoProgress>
    {
        static readonly TimeSpan Every = TimeSpan.FromSeconds(3);
        DemoPhase? phase;
        long last;

        public void Report(DemoProgress value)
        {
            if (value.Phase == phase && Stopwatch.GetElapsedTime(last) < Every) return;
            phase = value.Phase;
            last = Stopwatch.GetTimestamp();
            log.LogInformation("Demo data: {Phase} {Percent:0}% ({Rows:N0} {Unit} written)", value.Phase, 100.0 * value.Done / Math.Max(1, value.Total), value.Rows,
                value.Phase switch { DemoPhase.Customers => "customers", DemoPhase.Orders => "orders", _ => "rows" });
        }
    }
}
