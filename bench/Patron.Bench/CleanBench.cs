using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Patron.Ingestion.Import;
using Patron.Ingestion.Import.Mapping;
using Patron.Ingestion.Import.Reading;

namespace Patron.Bench;

/// <summary>
/// The reading and cleaning side of `patron import orders` without a database: the file read, its rows grouped by
/// order (<see cref="OrderGrouping"/>, as the import does) and cleaned by one <see cref="RowCleaner"/>, on one thread.
/// Prints CPU time, GC counts and a digest of every cleaned value, so that a change to the cleaning side can be
/// timed and shown to leave every row as it was (the digest must not change).
/// Usage: Patron.Bench clean FILE [read|group|clean|digest] — read: the CSV alone; group: and the grouping; clean
/// (default): and the cleaning; digest: the same with the digest.
/// </summary>
static class CleanBench
{
    public static int Run(string[] args)
    {
        if (args.Length is < 1 or > 2 || !File.Exists(args[0]))
        {
            Console.Error.WriteLine("usage: Patron.Bench clean FILE [read|group|clean|digest]");
            return 2;
        }
        var mode = args.Length > 1 ? args[1] : "clean";
        Console.WriteLine($"# {mode} {Path.GetFileName(args[0])}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; {Machine.Describe()}; load average {Machine.LoadAverage()}");
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        using var table = TableFile.Open(args[0]);
        var mapping = ColumnMapping.Suggest(ImportKind.Orders, table.Headers);
        var index = mapping.Resolve(table.Headers).Index;
        var orderColumn = index[(int)TargetField.OrderId];
        // A fixed "now", so that the digest does not depend on the day it is run.
        var cleaner = new RowCleaner(mapping, index, "bench", new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc));
        var rows = mode == "read" || orderColumn < 0 ? table.Rows()
            : OrderGrouping.Groups(table.Rows(), r => r.Cell(orderColumn).Trim() is { Length: > 0 } s ? s : null, OrderGrouping.DefaultWindow).SelectMany(g => g);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long count = 0, rejected = 0;
        foreach (var row in rows)
        {
            count++;
            if (mode is "read" or "group") continue;
            var c = cleaner.Clean(row);
            if (c.Rejected) rejected++;
            if (mode == "digest") hash.AppendData(Encoding.UTF8.GetBytes(Describe(c)));
        }
        var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Console.WriteLine($"{count:N0} rows, {rejected:N0} rejected: {used.TotalSeconds:F2} CPU-s, {wall.Elapsed.TotalSeconds:F2} s wall, " +
            $"GC {GC.CollectionCount(0)} gen0 / {GC.CollectionCount(2)} gen2, {GC.GetTotalAllocatedBytes() >> 20} MB allocated" +
            (mode == "digest" ? $", digest {Convert.ToHexString(hash.GetHashAndReset())[..16]}" : ""));
        return 0;
    }

    static string Describe(CleanRow c) =>
        $"{c.Source.Number}|{c.Customer}|{c.OrderId}|{c.PlacedAt?.Ticks}|{c.OrderPaid}|{c.Store}|{c.Sku}|{c.ProductName}|{c.Quantity}|" +
        $"{c.UnitPrice}|{c.LineAmount}|{string.Join(";", c.Problems)}|{string.Join(";", c.Notes)}\n";
}
