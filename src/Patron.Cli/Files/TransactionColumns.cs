namespace Patron.Cli.Files;

/// <summary>
/// Which columns of a transactions file hold what. Null means "find it from the header"; with no header,
/// columns are named by their 1-based position ("1", "2", ...). Amount is either one column or quantity × price.
/// </summary>
public sealed record TransactionColumns(
    string? Customer = null, string? Order = null, string? Date = null, string? Amount = null,
    string? Quantity = null, string? Price = null, string? DateFormat = null, bool HasHeader = true)
{
    internal static readonly string[] CustomerNames = ["customer_id", "customerid", "customer", "masterid", "buyer_id", "member_id", "客户编号", "会员编号", "买家会员名"];
    internal static readonly string[] OrderNames = ["order_id", "orderid", "invoiceno", "invoice", "order", "transaction_id", "订单编号", "订单号"];
    internal static readonly string[] DateNames = ["date", "invoicedate", "order_date", "placed_at", "purchased_at", "timestamp", "订单付款时间", "下单时间", "日期"];
    internal static readonly string[] AmountNames = ["amount", "sales", "dollar_value", "monetary", "revenue", "total", "paid", "实付金额", "金额"];
    internal static readonly string[] QuantityNames = ["quantity", "qty", "数量"];
    internal static readonly string[] PriceNames = ["unitprice", "unit_price", "price", "单价"];
}

public sealed record TransactionRow(long Line, string Customer, string? Order, DateTime Date, decimal? Amount);

public sealed record RejectedRow(long Line, string Raw, string Reason);
