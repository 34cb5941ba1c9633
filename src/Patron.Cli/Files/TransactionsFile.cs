using System.Globalization;

namespace Patron.Cli.Files;

/// <summary>
/// Transactions from a file for the analysis commands: one record per line with customer, date, optional order
/// and amount. A line that cannot be read is not dropped silently: it goes to <paramref name="rejected"/> with its reason.
/// </summary>
static class TransactionsFile
{
    static readonly string[] DateFormats =
    [
        "yyyy-MM-dd", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ssZ", "yyyyMMdd",
        "yyyy/M/d", "yyyy/M/d H:mm", "yyyy/M/d H:mm:ss", "M/d/yyyy", "M/d/yyyy H:mm", "d.M.yyyy",
    ];

    public static IEnumerable<TransactionRow> Read(string path, TransactionColumns columns, ICollection<RejectedRow> rejected)
    {
        Layout? layout = null;
        foreach (var record in DelimitedFile.Records(path))
        {
            if (layout is null)
            {
                var fields = record.ToArray();
                layout = Layout.From(columns, columns.HasHeader ? fields : null, fields.Length);
                if (columns.HasHeader) continue;
            }
            var row = Parse(record.Line, record, layout, columns.DateFormat, out var reason);
            if (row is null) rejected.Add(new RejectedRow(record.Line, record.Raw, reason!));
            else yield return row;
        }
    }

    static TransactionRow? Parse(long line, DelimitedRecord f, Layout l, string? dateFormat, out string? reason)
    {
        reason = null;
        var customer = CustomerId(Field(f, l.Customer));
        if (customer.Length == 0) { reason = "no customer id"; return null; }
        var dateText = Field(f, l.Date);
        if (!TryDate(dateText, dateFormat, out var date)) { reason = $"unreadable date '{dateText}'"; return null; }
        decimal? amount = null;
        if (l.Amount is { } a)
        {
            if (!TryNumber(Field(f, a), out var v)) { reason = $"unreadable amount '{Field(f, a)}'"; return null; }
            amount = v;
        }
        else if (l.Quantity is { } q && l.Price is { } p)
        {
            if (!TryNumber(Field(f, q), out var qty)) { reason = $"unreadable quantity '{Field(f, q)}'"; return null; }
            if (!TryNumber(Field(f, p), out var price)) { reason = $"unreadable price '{Field(f, p)}'"; return null; }
            amount = qty * price;
        }
        var order = l.Order is { } o ? Field(f, o) : null;
        return new TransactionRow(line, customer, string.IsNullOrEmpty(order) ? null : order, date, amount);
    }

    static string Field(DelimitedRecord f, int i) => i < f.Count ? f[i].Trim() : "";

    /// <summary>Some exports write integer ids as floats ("17850.0"); they are the same customer as "17850".</summary>
    /// <remarks>Checked on a span, so that only the kept id is a new string.</remarks>
    static string CustomerId(string s) =>
        s.Length > 2 && s.EndsWith(".0", StringComparison.Ordinal) && !s.AsSpan(0, s.Length - 2).ContainsAnyExceptInRange('0', '9') ? s[..^2] : s;

    /// <summary>The common fixed-width shapes first (FastParse.TryDate), then the list: trying twelve formats in turn was most of the load.</summary>
    static bool TryDate(string s, string? format, out DateTime date) =>
        format is not null
            ? DateTime.TryParseExact(s, format, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out date)
            : FastParse.TryDate(s, out date)
              || DateTime.TryParseExact(s, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out date);

    static bool TryNumber(string s, out decimal value) =>
        FastParse.TryDecimal(s, out value)
        || decimal.TryParse(s.Replace(",", "").TrimStart('¥', '$', '£', '€').TrimEnd('元'), NumberStyles.Number, CultureInfo.InvariantCulture, out value);

    sealed record Layout(int Customer, int? Order, int Date, int? Amount, int? Quantity, int? Price)
    {
        public static Layout From(TransactionColumns c, string[]? header, int width)
        {
            int? Find(string? given, string[] names, string what, bool required)
            {
                if (given is not null) return Index(given, header, width, what);
                if (header is null) return required ? throw new CliException($"The file has no header: name the {what} column by position (e.g. --{what}-col 1).") : null;
                var norm = header.Select(Norm).ToList();
                foreach (var n in names)
                    if (norm.IndexOf(Norm(n)) is >= 0 and var i) return i;
                return required ? throw new CliException($"No {what} column found in the header ({string.Join(", ", header)}): name it with --{what}-col.") : null;
            }
            var amount = Find(c.Amount, TransactionColumns.AmountNames, "amount", false);
            return new Layout(
                Find(c.Customer, TransactionColumns.CustomerNames, "customer", true)!.Value,
                Find(c.Order, TransactionColumns.OrderNames, "order", false),
                Find(c.Date, TransactionColumns.DateNames, "date", true)!.Value,
                amount,
                amount is null ? Find(c.Quantity, TransactionColumns.QuantityNames, "quantity", false) : null,
                amount is null ? Find(c.Price, TransactionColumns.PriceNames, "price", false) : null);
        }

        static int Index(string given, string[]? header, int width, string what)
        {
            if (header is not null && header.Select(Norm).ToList().IndexOf(Norm(given)) is >= 0 and var i) return i;
            if (int.TryParse(given, out var pos) && pos >= 1 && pos <= width) return pos - 1;
            throw new CliException($"The {what} column '{given}' is not in the file" + (header is null ? "." : $" ({string.Join(", ", header)})."));
        }

        static string Norm(string s) => s.Trim().Replace("_", "").Replace(" ", "").ToLowerInvariant();
    }
}
