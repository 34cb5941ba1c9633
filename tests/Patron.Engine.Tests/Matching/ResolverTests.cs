using Patron.Engine.Matching;

namespace Patron.Engine.Tests.Matching;

public sealed class ResolverTests
{
    static readonly FieldRole[] Roles = [FieldRole.FullName, FieldRole.Mobile, FieldRole.Email, FieldRole.Birthday, FieldRole.Address];

    static MatchRecords Records(params (string? Name, string? Mobile, string? Email, string? Birthday, string? Address)[] rows) =>
        MatchRecords.Prepare(MatchModel.Fields(Roles),
            [[.. rows.Select(r => r.Name)], [.. rows.Select(r => r.Mobile)], [.. rows.Select(r => r.Email)], [.. rows.Select(r => r.Birthday)], [.. rows.Select(r => r.Address)]]);

    [Fact]
    public void Field_contributions_sum_to_the_score_and_a_missing_value_contributes_nothing()
    {
        var records = Records(("张伟", "13800138000", null, "1985-03-05", "上海市浦东新区张杨路100号"),
                              ("张玮", "138****8000", "zw@qq.com", "1985-05-03", "上海浦东张杨路100号"));
        var contributions = new double[Roles.Length];
        var score = records.Score(0, 1, contributions);
        Assert.Equal(contributions.Sum(), score, 9);
        Assert.Equal(0, contributions[2]); // email missing on one side
        var name = MatchModel.Field(FieldRole.FullName);
        Assert.Equal(name.Disagree + (name.Agree - name.Disagree) * 0.5, contributions[0], 9); // 张伟/张玮: half
        var birthday = MatchModel.Field(FieldRole.Birthday);
        Assert.Equal(birthday.Disagree + (birthday.Agree - birthday.Disagree) * 0.7, contributions[3], 9); // day and month swapped
    }

    [Fact]
    public void Pairs_at_or_above_the_upper_threshold_merge_and_those_between_go_to_review()
    {
        var records = Records(("李娜", null, null, "1990-11-11", "北京市朝阳区建国路8号"),
                              ("李娜", null, null, "1990-11-11", "北京市朝阳区建国路8号"),   // same person: score 7 + 7 + 5 = 19
                              ("李娜", null, null, "1990-11-11", null),                      // 14 with the first two
                              ("王芳", null, null, "1977-01-01", null));
        var contributions = new double[Roles.Length];
        var high = records.Score(0, 1, contributions);
        var middle = records.Score(0, 2, contributions);
        var merge = Resolver.Resolve(records, new MatchSettings(MatchModel.Keys(Roles), Upper: high, Lower: middle));
        Assert.Equal(MatchDecision.Merge, merge.Pairs.Single(p => (p.A, p.B) == (0, 1)).Decision);
        Assert.Equal(MatchDecision.Review, merge.Pairs.Single(p => (p.A, p.B) == (0, 2)).Decision);
        Assert.DoesNotContain(merge.Pairs, p => p.A == 3 || p.B == 3);
        // Review pairs do not join clusters.
        Assert.Equal([0, 0, 2, 3], merge.Cluster);
        Assert.Equal(3, merge.Clusters);
        var above = Resolver.Resolve(records, new MatchSettings(MatchModel.Keys(Roles), Upper: high + 0.001, Lower: high + 0.001));
        Assert.Empty(above.Pairs);
        Assert.Equal(4, above.Clusters);
    }

    [Fact]
    public void Clusters_are_transitive_even_when_the_two_ends_do_not_match()
    {
        // a~b on name, birthday and address; b~c on mobile and email; a and c share nothing but a family name.
        var records = Records(("赵敏", null, null, "1988-08-08", "杭州市西湖区文三路1号"),
                              ("赵敏", "13912345678", "zm@163.com", "1988-08-08", "杭州市西湖区文三路1号"),
                              ("赵小敏", "13912345678", "zm@163.com", null, null));
        var r = Resolver.Resolve(records, MatchModel.Settings(Roles));
        Assert.Equal([0, 0, 0], r.Cluster);
        Assert.Equal(1, r.DeterministicLinks); // shared mobile (and email): one union
    }

    [Fact]
    public void A_shared_identifier_links_records_whatever_their_other_fields_say()
    {
        var records = Records(("周杰", null, "JAY@qq.com", "1979-01-18", null), ("陈红", null, "jay@QQ.com", "1966-03-01", null));
        var contributions = new double[Roles.Length];
        Assert.True(records.Score(0, 1, contributions) < MatchModel.DefaultReview);
        Assert.Equal([0, 0], Resolver.Resolve(records, MatchModel.Settings(Roles)).Cluster);
    }

    [Fact]
    public void One_to_one_keeps_each_records_best_link_and_sends_the_other_to_review()
    {
        var fields = MatchModel.Fields([FieldRole.FullName, FieldRole.Birthday]);
        // Source 0: a; source 1: b (exact twin) and c (birthday one digit off). Both score above the merge threshold.
        var records = MatchRecords.Prepare(fields, [["李娜", "李娜", "李娜"], ["19901111", "19901111", "19901112"]], source: [0, 1, 1]);
        var settings = new MatchSettings(MatchModel.Keys([FieldRole.FullName, FieldRole.Birthday]), Upper: 8, Lower: 0, OneToOne: true);
        var r = Resolver.Resolve(records, settings);
        Assert.Equal(MatchDecision.Merge, r.Pairs.Single(p => (p.A, p.B) == (0, 1)).Decision);
        Assert.Equal(MatchDecision.Review, r.Pairs.Single(p => (p.A, p.B) == (0, 2)).Decision);
        Assert.Equal([0, 0, 2], r.Cluster);
        var many = Resolver.Resolve(records, settings with { OneToOne = false });
        Assert.Equal([0, 0, 0], many.Cluster);
    }

    [Fact]
    public void Pairwise_accuracy_counts_pairs_from_the_cluster_and_entity_table()
    {
        // Entities {0,1,2} and {3}; clusters {0,1} and {2,3}: true pairs 3, predicted 2, correct 1.
        var a = PairwiseAccuracy.Of([0, 0, 2, 2], ["x", "x", "x", "y"]);
        Assert.Equal((3L, 2L, 1L), (a.TruePairs, a.PredictedPairs, a.CorrectPairs));
        Assert.Equal(0.5, a.Precision);
        Assert.Equal(1 / 3.0, a.Recall, 9);
        Assert.Equal(0.4, a.F1, 9);
        // Linkage counts only pairs across the sources: records 0 (A) and 1 (B) of entity x; 2 (A) alone.
        var link = PairwiseAccuracy.Of([0, 0, 0], ["x", "x", "z"], [0, 1, 0]);
        Assert.Equal((1L, 2L, 1L), (link.TruePairs, link.PredictedPairs, link.CorrectPairs));
    }

    [Fact]
    public void Given_name_and_surname_typed_into_each_others_place_still_agree()
    {
        FieldRole[] roles = [FieldRole.GivenName, FieldRole.Surname, FieldRole.Birthday];
        string?[][] columns = [["nikita", "mcgregor", "nikita"], ["mcgregor", "nikita", "smith"], ["19250127", "19250127", "19250127"]];
        var contributions = new double[3];
        var plain = MatchRecords.Prepare(MatchModel.Fields(roles), columns);
        var swapped = MatchRecords.Prepare(MatchModel.Fields(roles), columns, swaps: MatchModel.Swaps(roles));
        Assert.Equal([(0, 1)], MatchModel.Swaps(roles));
        var before = plain.Score(0, 1, contributions);
        var after = swapped.Score(0, 1, contributions);
        Assert.Equal([6, 7, 7], contributions);
        Assert.Equal(contributions.Sum(), after);
        Assert.True(after > before);
        // Crossing is only taken when it agrees more: a pair that agrees straight scores the same either way.
        Assert.Equal(plain.Score(0, 2, contributions), swapped.Score(0, 2, contributions));
    }
}
