using System.Globalization;

namespace Patron.Engine.Basket;

public enum SentenceLanguage { Zh, En }

/// <summary>
/// A rule as a merchant reads it: confidence as "38%" and lift as "3.2 times the average" (the share of all baskets
/// that hold the consequent). Percentages under 10 keep one decimal so that a weak rule does not read as "0%".
/// </summary>
public static class RuleSentence
{
    public static string Describe(AssociationRule rule, Func<int, string> label, SentenceLanguage language)
    {
        var percent = rule.Confidence * 100;
        var share = percent.ToString(percent >= 10 ? "0" : "0.#", CultureInfo.InvariantCulture) + "%";
        var times = rule.Lift.ToString("0.0", CultureInfo.InvariantCulture);
        return language switch
        {
            SentenceLanguage.Zh => $"买了 {JoinZh(rule.Antecedent, label)} 的顾客 {share} 也买 {JoinZh(rule.Consequent, label)}，是平均的 {times} 倍",
            _ => $"{share} of customers who bought {JoinEn(rule.Antecedent, label)} also bought {JoinEn(rule.Consequent, label)}, {times} times the average",
        };
    }

    static string JoinZh(int[] items, Func<int, string> label) => string.Join("、", items.Select(label));

    static string JoinEn(int[] items, Func<int, string> label) => items.Length switch
    {
        1 => label(items[0]),
        _ => string.Join(", ", items[..^1].Select(label)) + " and " + label(items[^1]),
    };
}
