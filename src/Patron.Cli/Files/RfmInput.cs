using System.Runtime.InteropServices;
using Patron.Engine.Rfm;

namespace Patron.Cli.Files;

/// <summary>
/// A transactions file as the RFM engine's columns: customers and orders interned to indices, amounts in
/// ten-thousandths, lines after the as-of day counted and left out. `analyze rfm` and the benchmark harness
/// (bench/Patron.Bench) both load through here, so the harness measures the command's own path.
/// </summary>
sealed class RfmInput
{
    /// <summary>
    /// Amounts go to the engine as whole ten-thousandths: Online Retail's unit prices carry up to three decimals
    /// (0.001), so fen/cents would round every line; ten-thousandths keep them exact up to ±9×10^14.
    /// </summary>
    public const decimal AmountScale = 10_000m;

    public readonly List<string> Ids = [];
    public readonly Dictionary<string, int> CustomerIndex = new(StringComparer.Ordinal);
    public readonly Dictionary<string, int> OrderIndex = new(StringComparer.Ordinal);
    public readonly List<int> Customer = [], Order = [];
    public readonly List<DateOnly> Date = [];
    public readonly List<long> Amount = [];
    public readonly List<RejectedRow> Rejected = [];
    public long AfterAsOf;
    public DateOnly AsOf;

    public RfmTransactions Transactions() => new(CollectionsMarshal.AsSpan(Customer), CollectionsMarshal.AsSpan(Order),
        CollectionsMarshal.AsSpan(Date), CollectionsMarshal.AsSpan(Amount));

    /// <param name="asOf">The snapshot day; by default the day after the last date in the file.</param>
    public static RfmInput Load(string path, TransactionColumns columns, DateOnly? asOf)
    {
        var f = new RfmInput();
        var last = DateOnly.MinValue;
        foreach (var row in TransactionsFile.Read(path, columns, f.Rejected))
        {
            if (row.Amount is not { } amount)
                throw new CliException("No amount column found in the header: name it with --amount-col, or name --quantity-col and --price-col.");
            var date = DateOnly.FromDateTime(row.Date);
            if (date > asOf) { f.AfterAsOf++; continue; }
            long units;
            try { units = decimal.ToInt64(decimal.Round(amount * AmountScale, MidpointRounding.AwayFromZero)); }
            catch (OverflowException) { f.Rejected.Add(new RejectedRow(row.Line, "", $"amount {amount} out of range")); continue; }
            if (!f.CustomerIndex.TryGetValue(row.Customer, out var c))
            {
                f.CustomerIndex.Add(row.Customer, c = f.Ids.Count);
                f.Ids.Add(row.Customer);
            }
            var order = RfmTransactions.NoOrder;
            if (row.Order is { } key && !f.OrderIndex.TryGetValue(key, out order)) f.OrderIndex.Add(key, order = f.OrderIndex.Count);
            f.Customer.Add(c);
            f.Order.Add(order);
            f.Date.Add(date);
            f.Amount.Add(units);
            if (date > last) last = date;
        }
        f.AsOf = asOf ?? (f.Date.Count == 0 ? DateOnly.FromDateTime(DateTime.UtcNow) : last.AddDays(1));
        return f;
    }
}
