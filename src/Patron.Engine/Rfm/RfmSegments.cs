namespace Patron.Engine.Rfm;

/// <summary>
/// Named segment from the R score and the combined F/M score.
///
/// Mapping: the 11-segment table of Putler, "RFM Analysis For Successful Customer Segmentation"
/// (https://www.putler.com/rfm-analysis/), reproduced in many tutorials and tools (docs.churned.io's "RFM-Model"
/// page gives the same ranges for the eight segments it keeps). It gives each segment a range of R and of the
/// F&amp;M average on a 0–5 axis:
///   champions 4–5 / 4–5, loyal 2–5 / 3–5, potential loyalists 3–5 / 1–3, new (recent) customers 4–5 / 0–1,
///   promising 3–4 / 0–1, need attention 2–3 / 2–3, about to sleep 2–3 / 0–2, at risk 0–2 / 2–5,
///   can't lose them 0–1 / 4–5, hibernating 1–2 / 1–2, lost 0–2 / 0–2.
/// Read as closed score ranges these overlap, and in first-match order new customers and promising can never
/// be reached (F&amp;M is at least 1). Read as the rectangles of the published 5×5 grid, where a range a–b covers the
/// cells a+1 … b, they tile the grid exactly once the three nested rectangles (champions in loyal, can't lose in
/// at risk, hibernating in lost) take precedence. That reading is the table below; every segment is reachable.
///
/// The combined score is FM = ⌈(F + M) / 2⌉: the average lies in the grid cell (FM − 1, FM] of the 0–5 axis.
/// </summary>
public static class RfmSegments
{
    const RfmSegment Ch = RfmSegment.Champions, Lo = RfmSegment.Loyal, Pl = RfmSegment.PotentialLoyalists,
        Nc = RfmSegment.NewCustomers, Pr = RfmSegment.Promising, Na = RfmSegment.NeedAttention,
        As = RfmSegment.AboutToSleep, Ar = RfmSegment.AtRisk, Cl = RfmSegment.CantLose,
        Hi = RfmSegment.Hibernating, Ls = RfmSegment.Lost;

    /// <summary>Rows FM = 5 down to 1, columns R = 1 to 5.</summary>
    static readonly RfmSegment[,] Grid =
    {
        { Cl, Ar, Lo, Lo, Ch },
        { Ar, Ar, Lo, Lo, Lo },
        { Ar, Ar, Na, Pl, Pl },
        { Ls, Hi, As, Pl, Pl },
        { Ls, Ls, As, Pr, Nc },
    };

    /// <summary>Best first, in enum order. Chinese names follow the usual zh renderings of the English ones.</summary>
    public static IReadOnlyList<RfmSegmentInfo> All { get; } =
    [
        new(Ch, "champions", "Champions", "冠军客户"),
        new(Lo, "loyal", "Loyal customers", "忠诚客户"),
        new(Pl, "potential_loyalists", "Potential loyalists", "潜在忠诚客户"),
        new(Nc, "new_customers", "New customers", "新客户"),
        new(Pr, "promising", "Promising", "有潜力客户"),
        new(Na, "need_attention", "Need attention", "需要关注客户"),
        new(As, "about_to_sleep", "About to sleep", "即将沉睡客户"),
        new(Ar, "at_risk", "At risk", "有流失风险客户"),
        new(Cl, "cant_lose", "Can't lose them", "不能失去的客户"),
        new(Hi, "hibernating", "Hibernating", "沉睡客户"),
        new(Ls, "lost", "Lost", "已流失客户"),
    ];

    public static RfmSegmentInfo Info(RfmSegment segment) => All[(int)segment];

    public static RfmSegment Of(int r, int f, int m)
    {
        Check(r, nameof(r));
        Check(f, nameof(f));
        Check(m, nameof(m));
        var fm = (f + m + 1) / 2;
        return Grid[5 - fm, r - 1];
    }

    static void Check(int score, string name)
    {
        if (score is < 1 or > 5) throw new ArgumentOutOfRangeException(name, score, "RFM scores run from 1 to 5.");
    }
}
