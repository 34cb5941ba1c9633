namespace Patron.Engine.Rfm;

/// <summary>
/// Recency, frequency and monetary value per customer index, as of one day. Monetary is in the caller's amount
/// unit (minor units, or finer when prices carry more decimals), summed over every transaction: net spend.
/// </summary>
public sealed record RfmValues(int[] RecencyDays, int[] Frequency, long[] Monetary)
{
    /// <summary>
    /// Recency of a customer with no purchase up to the as-of day (only returns, only zero-value orders, or no
    /// transactions at all). The largest int, so that quintile scoring ranks such a customer as the least recent.
    /// </summary>
    public const int NoPurchase = int.MaxValue;

    public int Count => RecencyDays.Length;
}
