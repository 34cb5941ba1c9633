namespace Patron.Engine.Basket;

/// <summary>
/// Association rules from frequent itemsets (Agrawal &amp; Srikant 1994, §3): every frequent Z of two or more items
/// splits into a consequent Y and the antecedent X = Z \ Y; both are frequent (every subset of a frequent set is),
/// so their counts come from the same mining run. By default Y has one item, as in arules' apriori() and in what a
/// merchant acts on ("bought A, suggest B"); longer consequents are allowed by maxConsequentLength.
/// </summary>
public static class AssociationRules
{
    /// <summary>Rules with confidence ≥ minConfidence and lift ≥ minLift, in the order of <see cref="Order"/>.</summary>
    public static List<AssociationRule> Generate(FrequentItemsets itemsets, double minConfidence, double? minLift = null, int maxConsequentLength = 1)
    {
        if (!(minConfidence is >= 0 and <= 1)) throw new ArgumentOutOfRangeException(nameof(minConfidence), minConfidence, "Minimum confidence must be in [0, 1].");
        if (maxConsequentLength < 1) throw new ArgumentOutOfRangeException(nameof(maxConsequentLength), maxConsequentLength, "The consequent needs at least one item.");
        var rules = new List<AssociationRule>();
        var longest = itemsets.Itemsets.Count == 0 ? 0 : itemsets.Itemsets.Max(s => s.Items.Length);
        var pick = new int[longest];
        var x = new int[longest];
        var y = new int[longest];
        foreach (var set in itemsets.Itemsets)
        {
            var k = set.Items.Length;
            for (var size = 1; size <= Math.Min(maxConsequentLength, k - 1); size++)
            {
                for (var i = 0; i < size; i++) pick[i] = i;
                do
                {
                    Split(set.Items, pick.AsSpan(0, size), x, y);
                    var antecedent = x.AsSpan(0, k - size);
                    var consequent = y.AsSpan(0, size);
                    var antecedentCount = itemsets.CountOf(antecedent);
                    if ((double)set.Count / antecedentCount < minConfidence) continue;
                    var rule = AssociationRule.From(antecedent.ToArray(), consequent.ToArray(), set.Count, antecedentCount,
                        itemsets.CountOf(consequent), itemsets.BasketCount);
                    if (minLift is { } lift && rule.Lift < lift) continue;
                    rules.Add(rule);
                } while (NextCombination(pick.AsSpan(0, size), k));
            }
        }
        rules.Sort(Order);
        return rules;
    }

    /// <summary>Strongest first: lift, then confidence, then support, all descending; then the items, so that ties are stable.</summary>
    public static int Order(AssociationRule a, AssociationRule b)
    {
        var c = b.Lift.CompareTo(a.Lift);
        if (c == 0) c = b.Confidence.CompareTo(a.Confidence);
        if (c == 0) c = b.Count.CompareTo(a.Count);
        if (c == 0) c = a.Antecedent.AsSpan().SequenceCompareTo(b.Antecedent);
        if (c == 0) c = a.Consequent.AsSpan().SequenceCompareTo(b.Consequent);
        return c;
    }

    /// <summary>The picked positions go to the consequent, the rest to the antecedent; both stay ascending.</summary>
    static void Split(int[] items, ReadOnlySpan<int> pick, int[] x, int[] y)
    {
        int xi = 0, yi = 0, p = 0;
        for (var i = 0; i < items.Length; i++)
            if (p < pick.Length && pick[p] == i) { y[yi++] = items[i]; p++; }
            else x[xi++] = items[i];
    }

    /// <summary>The next size-r subset of 0..n−1 in lexicographic order; false after the last.</summary>
    static bool NextCombination(Span<int> pick, int n)
    {
        var r = pick.Length;
        var i = r - 1;
        while (i >= 0 && pick[i] == n - r + i) i--;
        if (i < 0) return false;
        pick[i]++;
        for (var j = i + 1; j < r; j++) pick[j] = pick[j - 1] + 1;
        return true;
    }
}
