using Patron.Engine.Lifecycle;
using Patron.Engine.Rfm;
using Patron.Engine.Segments;
using Patron.Engine.Tiers;
using static Patron.Engine.Features.FeatureNames;

namespace Patron.Engine.Features;

/// <summary>Wraps the arrays as segment columns; nothing is copied but the small dictionaries.</summary>
public sealed partial class FeatureStore
{
    public FeatureSnapshot Snapshot()
    {
        var n = capacity;
        var t = new FeatureTable(n)
            .Add(new NumericColumn(Recency, recency, "最近消费天数")).Add(new NumericColumn(Frequency, frequency, "消费次数"))
            .Add(new NumericColumn(Monetary, monetary, "消费金额(分)")).Add(new NumericColumn(LifetimeSpend, lifetimeSpend, "累计消费金额(分)")).Add(new NumericColumn(Aov, aov, "客单价(分)"))
            .Add(new DateColumn(FirstPurchase, firstDay, "首次消费")).Add(new DateColumn(LastPurchase, lastDay, "最近消费"))
            .Add(new NumericColumn(Tenure, tenure, "首购至今天数")).Add(new NumericColumn(MeanGap, meanGap, "平均购买间隔"))
            .Add(new NumericColumn(MedianGap, medianGap, "购买间隔中位数"))
            .Add(new CategoryColumn(FavouriteStore, favouriteStore, stores.ToArray(), "常去门店"))
            .Add(new CategoryColumn(TopCategory, topCategory, categories.ToArray(), "偏好品类"))
            .Add(new CategoryColumn(AgeBand, ageBand, AgeBands.Keys, "年龄段")).Add(new CategoryColumn(Gender, gender, genders.ToArray(), "性别"))
            .Add(new CategoryColumn(Province, province, provinces.ToArray(), "省份")).Add(new CategoryColumn(City, city, cities.ToArray(), "城市"))
            .Add(new CategoryColumn(Occupation, occupation, occupations.ToArray(), "职业"))
            .Add(new TagColumn(Tags, n, tags.ToArray(), [.. tagWords.Select(w => new Bitset(n, w))], "标签"))
            .Add(new DateColumn(Birthday, birthday, "生日")).Add(new DateColumn(SignedUp, signedUp, "注册日期"))
            .Add(new NumericColumn(RfmR, rfmR, "R 分")).Add(new NumericColumn(RfmF, rfmF, "F 分")).Add(new NumericColumn(RfmM, rfmM, "M 分"))
            .Add(new CategoryColumn(FeatureNames.RfmSegment, rfmSegment, [.. RfmSegments.All.Select(s => s.Key)], "RFM 分群"))
            .Add(new CategoryColumn(FeatureNames.LifecycleState, lifecycleState, [.. LifecycleNames.States.Select(s => s.Key)], "生命周期状态"))
            .Add(new CategoryColumn(FeatureNames.LifecycleStage, lifecycleStage, [.. LifecycleNames.Stages.Select(s => s.Key)], "生命周期阶段"))
            .Add(new CategoryColumn(FrequencyTier, frequencyTier, [.. TierNames.All(TierKind.Frequency).Select(s => s.Key)], "频次分层"))
            .Add(new CategoryColumn(SpendTier, spendTier, [.. TierNames.All(TierKind.Spend).Select(s => s.Key)], "金额分层"))
            .Add(new NumericColumn(ProbabilityAlive, pAlive, "仍活跃概率")).Add(new NumericColumn(ExpectedPurchases90, expected90, "未来90天预计购买次数"))
            .Add(new NumericColumn(PredictedClv, clv, "预计顾客价值(分)")).Add(new NumericColumn(ClvPercentile, clvPercentile, "预计价值百分位"))
            .Add(new CategoryColumn(FeatureNames.ValueTier, valueTier, [.. TierNames.All(TierKind.Value).Select(s => s.Key)], "价值分层"));
        for (var c = 0; c < categories.Count; c++)
            t.Add(new NumericColumn(SpendShare + categories[c], categoryShare[c], $"{categories[c]} 消费占比"))
                .Add(new NumericColumn(CategoryOrders + categories[c], categoryOrders[c], $"{categories[c]} 购买次数"))
                .Add(new DateColumn(LastBought + categories[c], categoryLast[c], $"{categories[c]} 最近购买"));
        for (var c = 0; c < channels.Count; c++)
            t.Add(new NumericColumn(ChannelShare + channels[c], channelShare[c], $"{channels[c]} 渠道占比"));
        var live = new Bitset(n);
        for (var i = 0; i < Count; i++) live[i] = true;
        return new FeatureSnapshot(t, live, Version);
    }
}
