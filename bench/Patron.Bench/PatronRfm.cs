using Patron.Cli.Files;
using Patron.Engine.Rfm;

namespace Patron.Bench;

/// <summary>
/// Patron's side: the CLI's file reader (TransactionsFile, CsvHelper underneath) and the engine's RfmAggregation,
/// used as `patron analyze rfm` uses them, through the command's own loader (RfmInput): customers and orders interned
/// to indices, amounts in ten-thousandths, as-of the day after the last date.
/// Scoring and writing the CSV are left out, as the peers do neither.
/// </summary>
sealed class PatronRfm(string path) : IRfmSystem
{
    RfmInput? loaded;

    public string Name => "Patron";
    public string Version => typeof(RfmAggregation).Assembly.GetName().Version?.ToString() ?? "?";

    public void Load()
    {
        // Drop the previous run's columns first: the CLI never holds two copies, so neither should a measured run.
        loaded = null;
        loaded = Read(path);
    }

    public Dictionary<string, RfmRow> Compute() => Aggregate(loaded ?? throw new InvalidOperationException("Load first."));

    public Dictionary<string, RfmRow> EndToEnd()
    {
        loaded = null; // as in Load: one copy at a time; the harness loads again before the next Compute
        return Aggregate(Read(path));
    }

    /// <summary>
    /// Where Patron's load goes, each stage including the ones before it: gunzip only, then CSV records (CsvHelper
    /// splitting records; fields become strings only when the reader asks for them, as TransactionsFile does),
    /// then typed rows (trim, customer id, date and decimal parsing); the rest of Load is interning into columns.
    /// </summary>
    public IEnumerable<(string Stage, Action Run)> LoadStages() =>
    [
        ("gunzip", () => { using var s = DelimitedFile.Open(path); s.CopyTo(Stream.Null); }),
        ("+ CSV records", () => { foreach (var _ in DelimitedFile.Records(path)) { } }),
        ("+ typed rows", () => { foreach (var _ in TransactionsFile.Read(path, new TransactionColumns(), new List<RejectedRow>())) { } }),
    ];

    public (int Lines, int Customers, int Rejected) Counts => loaded is null ? default : (loaded.Customer.Count, loaded.Ids.Count, loaded.Rejected.Count);

    static RfmInput Read(string path) => RfmInput.Load(path, new TransactionColumns(), asOf: null);

    static Dictionary<string, RfmRow> Aggregate(RfmInput f)
    {
        var v = RfmAggregation.Aggregate(f.Transactions(), f.Ids.Count, f.AsOf);
        var result = new Dictionary<string, RfmRow>(f.Ids.Count, StringComparer.Ordinal);
        for (var i = 0; i < f.Ids.Count; i++)
            result.Add(f.Ids[i], new RfmRow(v.RecencyDays[i] == RfmValues.NoPurchase ? null : v.RecencyDays[i], v.Frequency[i], v.Monetary[i]));
        return result;
    }

    public void Dispose() { }
}
