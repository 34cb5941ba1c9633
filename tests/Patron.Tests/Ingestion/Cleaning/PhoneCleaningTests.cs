using Patron.Customers.Contracts;

namespace Patron.Tests.Ingestion.Cleaning;

public sealed class PhoneCleaningTests
{
    [Theory]
    [InlineData("13800138000", "+8613800138000")]
    [InlineData("138 0013 8000", "+8613800138000")]
    [InlineData("138-0013-8000", "+8613800138000")]
    [InlineData("+86-138-0013-8000", "+8613800138000")]
    [InlineData("+86 138 0013 8000", "+8613800138000")]
    [InlineData("0086 13800138000", "+8613800138000")]
    [InlineData("(+86)13800138000", "+8613800138000")]
    [InlineData("１３８００１３８０００", "+8613800138000")]
    [InlineData("＋８６ １３８ ００１３ ８０００", "+8613800138000")]
    [InlineData("  13912345678\t", "+8613912345678")]
    [InlineData("+1 415 555 2671", "+14155552671")]
    public void Mobiles_in_any_common_writing_become_E164_mobiles(string raw, string e164)
    {
        var phone = Normalise.Phone(raw);
        Assert.Null(phone.Error);
        Assert.Equal(e164, phone.Value);
        Assert.Equal(PhoneKind.Mobile, phone.Kind);
    }

    [Theory]
    [InlineData("010-12345678", "+861012345678")]
    [InlineData("(010) 1234 5678", "+861012345678")]
    [InlineData("021-61234567", "+862161234567")]
    [InlineData("0571-87654321", "+8657187654321")]
    [InlineData("+86 10 12345678", "+861012345678")]
    [InlineData("０１０－１２３４５６７８", "+861012345678")]
    public void Landlines_are_recognised_as_landlines_not_refused(string raw, string e164)
    {
        var phone = Normalise.Phone(raw);
        Assert.Null(phone.Error);
        Assert.Equal(e164, phone.Value);
        Assert.Equal(PhoneKind.Landline, phone.Kind);
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("1380013800")]
    [InlineData("138001380001")]
    [InlineData("23800138000")]
    [InlineData("abc")]
    [InlineData("+999 12345678")]
    [InlineData("4008123123")]
    public void Impossible_and_service_numbers_are_refused_with_a_reason(string raw)
    {
        var phone = Normalise.Phone(raw);
        Assert.Null(phone.Value);
        Assert.False(string.IsNullOrWhiteSpace(phone.Error));
    }

    [Fact]
    public void The_reason_counts_the_digits() => Assert.Contains("5 digits", Normalise.Phone("12345").Error);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void An_empty_phone_is_neither_a_value_nor_an_error(string? raw) => Assert.Equal(default, Normalise.Phone(raw));

    [Fact]
    public void The_mobile_field_still_refuses_a_landline() => Assert.Contains("landline", Normalise.Mobile("010-12345678").Error);
}
