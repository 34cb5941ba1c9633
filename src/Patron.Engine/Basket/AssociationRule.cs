namespace Patron.Engine.Basket;

/// <summary>
/// A rule X ⇒ Y (Agrawal, Imieliński &amp; Swami 1993) between disjoint itemsets of ascending item ids, with the
/// counts it comes from and its interest measures. With P(·) the share of baskets that hold an itemset:
/// <list type="bullet">
/// <item>support = P(X ∪ Y): how often the whole rule occurs;</item>
/// <item>confidence = P(X ∪ Y) / P(X): of the baskets with X, the share that also hold Y;</item>
/// <item>lift = confidence / P(Y) (Brin, Motwani &amp; Silverstein 1997): how many times more often Y comes with X than
///   on average; 1 means independence;</item>
/// <item>leverage = P(X ∪ Y) − P(X)·P(Y) (Piatetsky-Shapiro 1991): the share of baskets the rule adds over independence;</item>
/// <item>conviction = (1 − P(Y)) / (1 − confidence) (Brin et al. 1997): how much more often X would occur without Y if
///   they were independent; +∞ (double.PositiveInfinity) when confidence is 1, since the rule is then never wrong.</item>
/// </list>
/// </summary>
public sealed record AssociationRule(
    int[] Antecedent, int[] Consequent,
    int Count, int AntecedentCount, int ConsequentCount, int BasketCount,
    double Support, double Confidence, double Lift, double Leverage, double Conviction)
{
    public static AssociationRule From(int[] antecedent, int[] consequent, int count, int antecedentCount, int consequentCount, int basketCount)
    {
        double n = basketCount;
        var support = count / n;
        var pX = antecedentCount / n;
        var pY = consequentCount / n;
        var confidence = (double)count / antecedentCount;
        // Compared in counts, not doubles: confidence is exactly 1 only when every basket with X also has Y.
        var conviction = count == antecedentCount ? double.PositiveInfinity : (1 - pY) / (1 - confidence);
        return new AssociationRule(antecedent, consequent, count, antecedentCount, consequentCount, basketCount,
            support, confidence, confidence / pY, support - pX * pY, conviction);
    }
}
