using System.Diagnostics;
using System.Globalization;

namespace Patron.Bench;

/// <summary>
/// Wall and CPU time of one measured step, and how far the managed heap grew above its size at the start while it ran. CPU time is the process's (all
/// threads, user + system): on a shared machine it moves far less than wall time when others are busy. The peak is
/// sampled every 20 ms, so it can miss a spike shorter than that.
/// </summary>
sealed record Usage(TimeSpan Wall, TimeSpan Cpu, long PeakHeap)
{
    public static async Task<Usage> MeasureAsync(Func<Task> step)
    {
        Heap();
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var start = GC.GetTotalMemory(false);
        var peak = start;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(false));
                try { await Task.Delay(20, stop.Token); } catch (OperationCanceledException) { }
            }
        });
        var wall = Stopwatch.StartNew();
        await step();
        wall.Stop();
        await stop.CancelAsync();
        await sampler;
        process.Refresh();
        return new Usage(wall.Elapsed, process.TotalProcessorTime - cpu, Math.Max(peak, GC.GetTotalMemory(false)) - start);
    }

    /// <summary>The managed heap after a full compacting collection: what is really held.</summary>
    public static long Heap()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    /// <summary>Median of each measure separately.</summary>
    public static Usage Median(IReadOnlyList<Usage> runs) =>
        new(TimeSpan.FromTicks(Mid(runs.Select(u => u.Wall.Ticks))), TimeSpan.FromTicks(Mid(runs.Select(u => u.Cpu.Ticks))), Mid(runs.Select(u => u.PeakHeap)));

    static long Mid(IEnumerable<long> xs)
    {
        var s = xs.Order().ToArray();
        return s[s.Length / 2];
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"wall {Wall.TotalSeconds:0.00} s, CPU {Cpu.TotalSeconds:0.00} s, peak managed heap growth {PeakHeap / 1048576.0:0} MiB");
}
