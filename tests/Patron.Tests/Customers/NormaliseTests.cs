using Patron.Customers.Contracts;

namespace Patron.Tests.Customers;

public sealed class NormaliseTests
{
    [Theory]
    [InlineData("13800138000")]
    [InlineData("138 0013 8000")]
    [InlineData("+86-138-0013-8000")]
    [InlineData("+86 138 0013 8000")]
    [InlineData("0086 13800138000")]
    [InlineData("(+86) 138-0013-8000")]
    [InlineData("１３８００１３８０００")]
    [InlineData("＋８６ １３８ ００１３ ８０００")]
    [InlineData("  13800138000  ")]
    public void Every_common_way_of_writing_a_mobile_becomes_E164(string raw)
    {
        var mobile = Normalise.Mobile(raw);
        Assert.Null(mobile.Error);
        Assert.Equal("+8613800138000", mobile.Value);
    }

    [Theory]
    [InlineData("010 6552 9988")]
    [InlineData("021-62345678")]
    [InlineData("+86 10 6552 9988")]
    public void A_landline_is_refused_for_the_mobile_field(string raw)
    {
        var mobile = Normalise.Mobile(raw);
        Assert.Null(mobile.Value);
        Assert.Contains("landline", mobile.Error);
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("1380013800")]
    [InlineData("138001380001")]
    [InlineData("not a number")]
    public void An_impossible_number_is_refused(string raw)
    {
        var mobile = Normalise.Mobile(raw);
        Assert.Null(mobile.Value);
        Assert.NotNull(mobile.Error);
    }

    [Fact]
    public void A_missing_mobile_is_neither_a_value_nor_an_error() =>
        Assert.Equal(Normalised.Empty, Normalise.Mobile("   "));

    [Theory]
    [InlineData(" Zhang.Wei@Example.COM ", "Zhang.Wei@example.com")]
    [InlineData("zhang＠ｅｘａｍｐｌｅ.com", "zhang@example.com")]
    [InlineData("li+crm@mail.qq.com", "li+crm@mail.qq.com")]
    [InlineData("wang@例子.中国", "wang@例子.中国")]
    [InlineData("wang@XN--FSQU00A.XN--FIQS8S", "wang@xn--fsqu00a.xn--fiqs8s")]
    public void An_email_is_trimmed_and_its_domain_lower_cased(string raw, string expected) =>
        Assert.Equal(expected, Normalise.Email(raw).Value);

    [Theory]
    [InlineData("zhang")]
    [InlineData("zhang@")]
    [InlineData("@example.com")]
    [InlineData("zhang wei@example.com")]
    [InlineData("zhang@example")]
    [InlineData("zhang..wei@example.com")]
    [InlineData("zhang@exa mple.com")]
    [InlineData("zhang@example.c")]
    [InlineData("zhang@-example.com")]
    public void A_malformed_email_is_refused(string raw)
    {
        var email = Normalise.Email(raw);
        Assert.Null(email.Value);
        Assert.Equal("Not a valid email address.", email.Error);
    }

    [Fact]
    public void The_email_key_ignores_case() =>
        Assert.Equal(Normalise.EmailKey(Normalise.Email("Zhang@Example.com").Value!), Normalise.EmailKey(Normalise.Email("zhang@example.com").Value!));

    [Theory]
    [InlineData("  张伟 ", "张伟")]
    [InlineData("Wei   Zhang", "Wei Zhang")]
    [InlineData("欧阳\u3000娜娜", "欧阳 娜娜")]
    public void A_name_is_trimmed_and_its_white_space_collapsed(string raw, string expected) =>
        Assert.Equal(expected, Normalise.Name(raw).Value);

    [Fact]
    public void A_name_is_required_and_at_most_100_characters()
    {
        Assert.NotNull(Normalise.Name("  ").Error);
        Assert.NotNull(Normalise.Name(new string('张', 101)).Error);
        Assert.Null(Normalise.Name(new string('张', 100)).Error);
    }

    [Theory]
    [InlineData("8800 1234 5678", "880012345678")]
    [InlineData("vip-0042", "VIP-0042")]
    [InlineData("ＶＩＰ００４２", "VIP0042")]
    public void A_member_card_loses_its_spaces_and_is_upper_cased(string raw, string expected) =>
        Assert.Equal(expected, Normalise.MemberCard(raw).Value);

    [Fact]
    public void A_member_card_with_other_characters_is_refused() => Assert.NotNull(Normalise.MemberCard("VIP*42").Error);
}
