using System.Data.Common;
using System.Globalization;

namespace Patron.Bench;

/// <summary>
/// The feature build in SQL, for DuckDB and PostgreSQL alike: per customer (every row of customers, buyers or not)
/// recency in days to the as-of day, frequency (orders not cancelled), monetary (their net amounts), AOV, first and last
/// purchase day, each category's share of line spend, and R, F and M scores 1–5 by quintiles among buyers with the
/// engine's tie rule (RankCut): score = min(4, ⌊5·w / n⌋) + 1, w = buyers strictly worse, which is RANK() − 1 in the
/// worse-first order, so tied values always get the same score.
/// </summary>
static class FeatureSql
{
    public static readonly (string Name, string Type)[] CustomerColumns =
    [
        ("customer_no", "INTEGER"), ("gender", "VARCHAR"), ("birthday", "DATE"), ("province", "VARCHAR"), ("city", "VARCHAR"),
        ("occupation", "VARCHAR"), ("tag", "VARCHAR"), ("signed_up", "DATE"),
    ];

    public static readonly (string Name, string Type)[] OrderColumns =
    [
        ("order_no", "BIGINT"), ("customer_no", "INTEGER"), ("day", "DATE"), ("channel", "VARCHAR"), ("store", "VARCHAR"),
        ("net_amount", "BIGINT"), ("cancelled", "BOOLEAN"),
    ];

    public static readonly (string Name, string Type)[] LineColumns = [("order_no", "BIGINT"), ("category", "VARCHAR"), ("amount", "BIGINT")];

    public static string Query(string customers, string orders, string lines)
    {
        var asOf = $"DATE '{SegmentData.AsOf:yyyy-MM-dd}'";
        var categories = SegmentData.Categories;
        var sums = string.Join(",\n    ", categories.Select((c, k) => $"sum(l.amount) FILTER (WHERE l.category = '{c}') AS c{k}"));
        var shares = string.Join(", ", categories.Select((_, k) => $"CAST(coalesce(c{k}, 0) AS DOUBLE PRECISION) / line_total AS share{k}"));
        return $"""
            WITH o AS (
              SELECT order_no, customer_no, day, net_amount FROM {orders} WHERE NOT cancelled
            ), per AS (
              SELECT customer_no, count(*) AS frequency, sum(net_amount) AS monetary, min(day) AS first_day, max(day) AS last_day
              FROM o GROUP BY customer_no
            ), cat AS (
              SELECT o.customer_no, sum(l.amount) AS line_total,
                {sums}
              FROM {lines} l JOIN o ON o.order_no = l.order_no GROUP BY o.customer_no
            ), ranked AS (
              SELECT per.*, {asOf} - last_day AS recency_days,
                     rank() OVER (ORDER BY last_day) - 1 AS r_worse,
                     rank() OVER (ORDER BY frequency) - 1 AS f_worse,
                     rank() OVER (ORDER BY monetary) - 1 AS m_worse,
                     count(*) OVER () AS buyers
              FROM per
            )
            SELECT c.customer_no, r.recency_days, coalesce(r.frequency, 0) AS frequency, CAST(coalesce(r.monetary, 0) AS BIGINT) AS monetary,
                   CAST(r.monetary AS DOUBLE PRECISION) / r.frequency AS aov, r.first_day, r.last_day,
                   CASE WHEN r.buyers > 0 THEN least(4, floor(CAST(5 * r.r_worse AS DOUBLE PRECISION) / r.buyers)) + 1 END AS r_score,
                   CASE WHEN r.buyers > 0 THEN least(4, floor(CAST(5 * r.f_worse AS DOUBLE PRECISION) / r.buyers)) + 1 END AS f_score,
                   CASE WHEN r.buyers > 0 THEN least(4, floor(CAST(5 * r.m_worse AS DOUBLE PRECISION) / r.buyers)) + 1 END AS m_score,
                   {shares}
            FROM {customers} c LEFT JOIN ranked r ON r.customer_no = c.customer_no LEFT JOIN cat ON cat.customer_no = c.customer_no
            """;
    }

    /// <summary>Column list for CREATE TABLE or read_csv's columns map.</summary>
    public static string Declare((string Name, string Type)[] columns, Func<string, string, string> one) =>
        string.Join(", ", columns.Select(c => one(c.Name, c.Type)));

    public static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    /// <summary>One customer's row as the SQL peers return it, read for the cross-check (not timed).</summary>
    public readonly record struct Row(int? Recency, long Frequency, long Monetary, double? Aov, DateOnly? First, DateOnly? Last,
        int? R, int? F, int? M, double?[] Shares);

    public static Dictionary<int, Row> Read(DbDataReader r)
    {
        var result = new Dictionary<int, Row>();
        var k = SegmentData.Categories.Length;
        while (r.Read())
        {
            var shares = new double?[k];
            for (var c = 0; c < k; c++) shares[c] = r.IsDBNull(10 + c) ? null : Convert.ToDouble(r.GetValue(10 + c));
            result.Add(Convert.ToInt32(r.GetValue(0)), new Row(
                r.IsDBNull(1) ? null : Convert.ToInt32(r.GetValue(1)), Convert.ToInt64(r.GetValue(2)), Convert.ToInt64(r.GetValue(3)),
                r.IsDBNull(4) ? null : Convert.ToDouble(r.GetValue(4)), Date(r, 5), Date(r, 6),
                Int(r, 7), Int(r, 8), Int(r, 9), shares));
        }
        return result;
    }

    static int? Int(DbDataReader r, int i) => r.IsDBNull(i) ? null : Convert.ToInt32(r.GetValue(i));

    static DateOnly? Date(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetValue(i) switch
    {
        DateOnly d => d,
        DateTime t => DateOnly.FromDateTime(t),
        var v => DateOnly.FromDateTime(Convert.ToDateTime(v, CultureInfo.InvariantCulture)),
    };
}
