using System.Data.Common;

namespace Patron.Bench;

/// <summary>
/// The CLI's RFM definition in SQL, for both peers (only the "digits followed by .0" test is spelt differently):
/// rows without a customer id are left out; "17850.0" is customer 17850 (the file's pandas artefact, as the CLI
/// reads it); an order is a customer's invoice (a line without one is its own day's order), its total the sum of
/// quantity × price, its day the latest line's; purchases are orders with a positive total; recency counts days from
/// the last purchase to the day after the last date in the file; monetary is the sum of every line, returns included.
/// </summary>
static class RfmSql
{
    /// <summary>The file's columns, renamed, typed as the CLI parses them (prices are exact decimals).</summary>
    public static readonly (string Name, string Type)[] Columns =
    [
        ("invoice_no", "VARCHAR"), ("stock_code", "VARCHAR"), ("description", "VARCHAR"), ("quantity", "INTEGER"),
        ("invoice_date", "TIMESTAMP"), ("unit_price", "DECIMAL(18,6)"), ("customer_id", "VARCHAR"), ("country", "VARCHAR"),
    ];

    public static string Query(string source, Func<string, string> isFloatId) => $"""
        WITH l AS (
          SELECT CASE WHEN {isFloatId("trim(customer_id)")} THEN substr(trim(customer_id), 1, length(trim(customer_id)) - 2)
                      ELSE trim(customer_id) END AS customer_id,
                 coalesce(nullif(trim(invoice_no), ''), 'day ' || CAST(CAST(invoice_date AS DATE) AS VARCHAR)) AS order_key,
                 CAST(invoice_date AS DATE) AS day,
                 quantity * unit_price AS amount
          FROM {source}
          WHERE trim(coalesce(customer_id, '')) <> ''
        ), orders AS (
          SELECT customer_id, order_key, sum(amount) AS total, max(day) AS day FROM l GROUP BY customer_id, order_key
        )
        SELECT customer_id,
               (SELECT max(day) + 1 FROM l) - max(day) FILTER (WHERE total > 0) AS recency_days,
               count(*) FILTER (WHERE total > 0) AS frequency,
               sum(total) AS monetary
        FROM orders GROUP BY customer_id
        """;

    public static Dictionary<string, RfmRow> Read(DbDataReader r)
    {
        var result = new Dictionary<string, RfmRow>(StringComparer.Ordinal);
        while (r.Read())
            result.Add(r.GetString(0), new RfmRow(
                r.IsDBNull(1) ? null : Convert.ToInt32(r.GetValue(1)),
                Convert.ToInt32(r.GetValue(2)),
                RfmResult.Units(Convert.ToDecimal(r.GetValue(3)))));
        return result;
    }
}
