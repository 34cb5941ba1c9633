using Patron.Ingestion.Cleaning;

namespace Patron.Tests.Ingestion.Cleaning;

public sealed class AmountCleaningTests
{
    [Theory]
    [InlineData("¥1,234.50", 123450)]
    [InlineData("￥1,234.50", 123450)]
    [InlineData("1234.5元", 123450)]
    [InlineData("1234.5 元", 123450)]
    [InlineData("RMB 12", 1200)]
    [InlineData("rmb12.00", 1200)]
    [InlineData("CNY 8.8", 880)]
    [InlineData("人民币100元", 10000)]
    [InlineData("１２３．５", 12350)]
    [InlineData("-12.30", -1230)]
    [InlineData("−12.30", -1230)]
    [InlineData("-¥12.30", -1230)]
    [InlineData("¥-12.30", -1230)]
    [InlineData("+5", 500)]
    [InlineData("0", 0)]
    [InlineData("0.01", 1)]
    [InlineData("12.300", 1230)]
    [InlineData("1,000,000", 100000000)]
    [InlineData(" 88 ", 8800)]
    public void Amounts_as_exports_write_them_become_fen(string raw, long fen)
    {
        var amount = AmountCleaning.ToFen(raw);
        Assert.Null(amount.Error);
        Assert.Equal(fen, amount.Value);
    }

    [Theory]
    [InlineData("abc", "not an amount")]
    [InlineData("12.3.4", "not an amount")]
    [InlineData("1,23", "not an amount")]
    [InlineData("12,34.5", "not an amount")]
    [InlineData("¥", "not an amount")]
    [InlineData("--5", "not an amount")]
    [InlineData("1.2万", "not an amount")]
    [InlineData("12.345", "more than two decimals")]
    [InlineData("0.001", "more than two decimals")]
    [InlineData("99999999999999999999999", "too large")]
    public void Non_numbers_and_sub_fen_amounts_are_refused_with_a_reason(string raw, string reason)
    {
        var amount = AmountCleaning.ToFen(raw);
        Assert.False(amount.HasValue);
        Assert.Contains(reason, amount.Error);
    }

    [Theory]
    [InlineData("12.345", 1235)]
    [InlineData("12.344", 1234)]
    [InlineData("0.125", 13)]
    [InlineData("-0.125", -13)]
    [InlineData("-12.344", -1234)]
    public void With_rounding_asked_for_sub_fen_amounts_round_half_away_from_zero(string raw, long fen) =>
        Assert.Equal(fen, AmountCleaning.ToFen(raw, roundToFen: true).Value);

    [Fact]
    public void An_empty_amount_is_empty_not_an_error() => Assert.True(AmountCleaning.ToFen("").IsEmpty);
}
