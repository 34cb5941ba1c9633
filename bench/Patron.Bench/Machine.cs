namespace Patron.Bench;

/// <summary>The machine a figure was measured on, printed with every run.</summary>
static class Machine
{
    public static string Describe()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name"))?.Split(':', 2)[1].Trim() : null;
        var mem = File.Exists("/proc/meminfo")
            ? File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal"))?.Split(':', 2)[1].Trim() : null;
        var gb = mem is not null && long.TryParse(mem.Split(' ')[0], out var kb) ? $"{kb / 1024.0 / 1024.0:0.0} GiB" : "? GiB";
        return $"{Environment.ProcessorCount} CPUs ({cpu ?? "?"}), {gb}";
    }

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
}
