using Patron.Engine.Matching;

namespace Patron.Engine.Tests.Matching;

public sealed class FieldComparisonTests
{
    static string M(string raw) => FieldText.Normalise(FieldKind.Mobile, raw)!;
    static string D(string raw) => FieldText.Normalise(FieldKind.Date, raw)!;

    [Theory]
    [InlineData("138 0013 8000")]
    [InlineData("+86-138-0013-8000")]
    [InlineData("0086 13800138000")]
    [InlineData("１３８００１３８０００")]
    public void Every_way_of_writing_a_mobile_is_the_same_mobile(string raw) => Assert.Equal(1, FieldComparison.Mobile(M(raw), "13800138000"));

    [Fact]
    public void A_masked_mobile_whose_visible_digits_agree_agrees_in_part()
    {
        Assert.Equal(0.8, FieldComparison.Mobile(M("138****8000"), M("13800138000")));
        Assert.Equal(0, FieldComparison.Mobile(M("139****8000"), M("13800138000")));
    }

    [Fact]
    public void The_same_last_digits_agree_in_part_rising_with_their_number()
    {
        var four = FieldComparison.Mobile("13911118000", "13800138000");
        var six = FieldComparison.Mobile("13911138000", "13800138000");
        Assert.Equal(0.2, four, 6);
        Assert.True(six > four && six < 1);
        Assert.Equal(0, FieldComparison.Mobile("13911111000", "13800138000")); // three: chance
        Assert.Equal(0.7, FieldComparison.Mobile("13800138001", "13800138000")); // one digit wrong
    }

    [Fact]
    public void A_birthday_with_day_and_month_swapped_agrees_in_part()
    {
        Assert.Equal(1, FieldComparison.Date(D("1985-03-05"), D("1985年3月5日")));
        Assert.Equal(0.7, FieldComparison.Date(D("1985-03-05"), D("1985/5/3")));
        Assert.Equal(0.5, FieldComparison.Date("19850305", "19850306"));
        Assert.Equal(0.2, FieldComparison.Date("19850305", "19851105"));
        Assert.Equal(0, FieldComparison.Date("19850305", "19621127"));
    }

    [Fact]
    public void The_same_mailbox_at_another_domain_agrees_in_part()
    {
        var e = (string raw) => FieldText.Normalise(FieldKind.Email, raw)!;
        Assert.Equal(1, FieldComparison.Email(e(" Zhang@QQ.com"), e("zhang@qq.com")));
        Assert.Equal(0.7, FieldComparison.Email(e("12345@qq.com"), e("12345@foxmail.com")));
        Assert.Equal(0, FieldComparison.Email(e("li@163.com"), e("wang@163.com")));
    }

    [Fact]
    public void An_abbreviated_Chinese_address_still_agrees_in_part()
    {
        int[] G(string raw) => FieldText.Bigrams(FieldText.Normalise(FieldKind.Address, raw));
        var full = G("上海市浦东新区张杨路100号3栋201室");
        Assert.Equal(1, FieldComparison.Address(full, G("上海市 浦东新区 张杨路100号 3栋201室")));
        var shortForm = FieldComparison.Address(full, G("上海浦东张杨路100号3栋201室"));
        Assert.InRange(shortForm, 0.5, 0.99);
        Assert.Equal(0, FieldComparison.Address(full, G("北京市朝阳区建国路8号")));
    }

    [Fact]
    public void A_one_digit_slip_in_a_code_agrees_in_part()
    {
        Assert.Equal(1, FieldComparison.Digits("2617", "2617"));
        Assert.Equal(0.6, FieldComparison.Digits("2617", "2671"));
        Assert.Equal(0, FieldComparison.Digits("2617", "3000"));
    }

    [Fact]
    public void One_slip_agrees_with_the_edit_distance_on_every_pair_of_short_codes()
    {
        // Brute force over the two-digit and three-digit codes from a small alphabet, every length pairing.
        var codes = new List<string>();
        foreach (var a in "012") { codes.Add($"{a}"); foreach (var b in "012") { codes.Add($"{a}{b}"); foreach (var c in "012") codes.Add($"{a}{b}{c}"); } }
        foreach (var x in codes)
            foreach (var y in codes)
                Assert.True(FieldComparison.OneSlip(x, y) == (EditDistance.Distance(x, y) == 1), $"{x} / {y}");
    }
}
