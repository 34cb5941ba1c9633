namespace Patron.Engine.Loyalty;

/// <summary>One order line as earning sees it: what was charged for it before the order-level discount.</summary>
public readonly record struct EarnLine(Guid ProductId, Guid CategoryId, long Amount);

/// <summary>
/// How points are earned. Multipliers are whole percentages (100 = ×1, 200 = ×2, 0 = excluded) so that the sum can
/// be computed exactly in integers. A product's rule wins over its category's; lines without a rule count at 100.
/// </summary>
public sealed record EarnPolicy(
    long FenPerPoint,
    IReadOnlyDictionary<Guid, int> ProductPercent,
    IReadOnlyDictionary<Guid, int> CategoryPercent,
    int TierPercent = 100,
    int DayPercent = 100,
    long? CapPerOrder = null);

/// <param name="Points">Points earned by the order, after the cap.</param>
/// <param name="Uncapped">What the order would have earned without the cap.</param>
public sealed record EarnQuote(long Points, long Uncapped);

public static class Earning
{
    /// <summary>
    /// points = ⌊ Σ(line amount × line %) × paid/gross × tier% × day% / (100³ × fen per point) ⌋, capped.
    /// The order discount (gross − paid) is spread over the lines in proportion to their amounts, so a line's share of
    /// what was paid is amount × paid / gross; rounding happens once, at the end, so it never favours a line.
    /// </summary>
    public static EarnQuote Points(IReadOnlyList<EarnLine> lines, long paidAmount, EarnPolicy policy)
    {
        if (policy.FenPerPoint <= 0) throw new ArgumentOutOfRangeException(nameof(policy), "FenPerPoint must be positive.");
        Int128 gross = 0, weighted = 0;
        foreach (var line in lines)
        {
            gross += line.Amount;
            weighted += (Int128)line.Amount * PercentOf(line, policy);
        }
        if (gross <= 0 || paidAmount <= 0) return new EarnQuote(0, 0);
        var numerator = weighted * paidAmount * policy.TierPercent * policy.DayPercent;
        var denominator = gross * 100 * 100 * 100 * policy.FenPerPoint;
        var points = (long)(numerator / denominator);
        var capped = policy.CapPerOrder is { } cap ? Math.Min(points, cap) : points;
        return new EarnQuote(Math.Max(0, capped), points);
    }

    public static int PercentOf(EarnLine line, EarnPolicy policy) =>
        policy.ProductPercent.TryGetValue(line.ProductId, out var p) ? p
        : policy.CategoryPercent.TryGetValue(line.CategoryId, out var c) ? c
        : 100;

    /// <summary>
    /// How many of <paramref name="earned"/> points belong to <paramref name="refunded"/> of <paramref name="paid"/>:
    /// ⌊earned × refunded / paid⌋, all of them once everything is refunded. Cumulative, so that a series of partial
    /// refunds reverses exactly what one refund of their sum would.
    /// </summary>
    public static long Share(long earned, long refunded, long paid)
    {
        if (paid <= 0 || refunded >= paid) return earned;
        if (refunded <= 0) return 0;
        return (long)((Int128)earned * refunded / paid);
    }
}
