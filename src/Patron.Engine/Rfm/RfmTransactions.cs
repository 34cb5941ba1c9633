namespace Patron.Engine.Rfm;

/// <summary>
/// Transactions as parallel columns, one element per line: customer index (0 .. customerCount-1), order index or
/// <see cref="NoOrder"/> (an empty Order span means the file has no order column at all), day and amount.
/// Order indices need only be distinct per customer: the same index under two customers is two orders.
/// </summary>
public readonly ref struct RfmTransactions(
    ReadOnlySpan<int> customer, ReadOnlySpan<int> order, ReadOnlySpan<DateOnly> date, ReadOnlySpan<long> amount)
{
    public const int NoOrder = -1;

    public ReadOnlySpan<int> Customer { get; } = customer;
    public ReadOnlySpan<int> Order { get; } = order;
    public ReadOnlySpan<DateOnly> Date { get; } = date;
    public ReadOnlySpan<long> Amount { get; } = amount;
    public int Length => Customer.Length;
}
