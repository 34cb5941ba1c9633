using System.Globalization;
using System.Text;

namespace Patron.Bench;

/// <summary>
/// The generated shop (<see cref="SegmentData"/>) written as three CSV files shaped like Patron's own tables, so Patron,
/// DuckDB and PostgreSQL all start from the same bytes: customers.csv (customer_no, gender, birthday, province, city,
/// occupation, tag, signed_up), orders.csv (order_no, customer_no, day, channel, store, net_amount, cancelled; in date
/// order) and lines.csv (order_no, category, amount; in order_no order). Amounts are fen, days ISO dates.
/// The files are written once per (customers, lines, seed) and reused: a marker file records what was written.
/// </summary>
static class FeatureFiles
{
    public const string Customers = "customers.csv", Orders = "orders.csv", Lines = "lines.csv";

    public static void Ensure(string dir, SegmentData data, long lines)
    {
        var marker = Path.Combine(dir, "written.txt");
        var what = $"customers={data.Customers} lines={lines} asof={SegmentData.AsOf:yyyy-MM-dd}";
        if (File.Exists(marker) && File.ReadAllText(marker) == what) return;
        Directory.CreateDirectory(dir);
        File.Delete(marker);
        using (var w = Writer(Path.Combine(dir, Customers)))
        {
            w.Write("customer_no,gender,birthday,province,city,occupation,tag,signed_up\n");
            for (var c = 0; c < data.Customers; c++)
            {
                var f = data.Facts(c);
                w.Write($"{c},{f.Gender},{Day(f.Birthday)},{f.Province},{f.City},{f.Occupation},{f.Tags?[0]},{Day(f.SignedUp)}\n");
            }
        }
        using (var orders = Writer(Path.Combine(dir, Orders)))
        using (var items = Writer(Path.Combine(dir, Lines)))
        {
            orders.Write("order_no,customer_no,day,channel,store,net_amount,cancelled\n");
            items.Write("order_no,category,amount\n");
            long o = 0;
            foreach (var (c, p) in data.Orders())
            {
                orders.Write(string.Create(CultureInfo.InvariantCulture,
                    $"{o},{c},{p.Day:yyyy-MM-dd},{p.Channel},{p.Store},{p.NetAmount},{(p.Counts ? "false" : "true")}\n"));
                foreach (var (category, amount) in p.CategorySpend!)
                    items.Write(string.Create(CultureInfo.InvariantCulture, $"{o},{category},{amount}\n"));
                o++;
            }
        }
        File.WriteAllText(marker, what);
    }

    static string Day(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    static StreamWriter Writer(string path) => new(path, false, new UTF8Encoding(false), 1 << 20);
}
