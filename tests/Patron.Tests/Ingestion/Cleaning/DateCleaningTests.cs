using Patron.Ingestion.Cleaning;

namespace Patron.Tests.Ingestion.Cleaning;

public sealed class DateCleaningTests
{
    [Theory]
    [InlineData("2024-03-05")]
    [InlineData("2024-3-5")]
    [InlineData("2024/03/05")]
    [InlineData("2024/3/5")]
    [InlineData("2024.3.5")]
    [InlineData("20240305")]
    [InlineData("2024年3月5日")]
    [InlineData("2024年03月05日")]
    [InlineData("2024 年 3 月 5 日")]
    [InlineData("2024年3月5号")]
    [InlineData("２０２４－０３－０５")]
    [InlineData("２０２４／３／５")]
    [InlineData(" 2024-03-05 ")]
    [InlineData("45356")]
    [InlineData("45356.75")]
    public void Common_writings_of_5_March_2024_are_read(string raw)
    {
        var date = DateCleaning.Parse(raw);
        Assert.Null(date.Error);
        Assert.Equal(new DateOnly(2024, 3, 5), date.Value);
    }

    [Theory]
    [InlineData(1, "1900-01-01")]
    [InlineData(59, "1900-02-28")]
    [InlineData(61, "1900-03-01")]
    [InlineData(45292, "2024-01-01")]
    [InlineData(2958465, "9999-12-31")]
    public void Excel_serials_follow_the_1900_date_system(double serial, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), DateCleaning.FromExcelSerial(serial).Value);

    [Fact]
    public void Excel_serial_60_is_the_leap_day_1900_never_had() =>
        Assert.Contains("1900-02-29", DateCleaning.Parse("60").Error);

    [Theory]
    [InlineData("2024-02-30", "has 29 days")]
    [InlineData("2023-02-29", "has 28 days")]
    [InlineData("2024-13-01", "Month 13")]
    [InlineData("20241301", "Month 13")]
    [InlineData("2024年4月31日", "has 30 days")]
    [InlineData("03/05/2024", "ambiguous")]
    [InlineData("3-5-2024", "ambiguous")]
    [InlineData("1990", "year alone")]
    [InlineData("0", "outside")]
    [InlineData("240305", "not a date")]
    [InlineData("2024-03/05", "not a date")]
    [InlineData("yesterday", "not a date")]
    [InlineData("2024-03-05 14:30", "not a date")]
    public void Impossible_ambiguous_and_unknown_dates_are_refused_with_a_reason(string raw, string reason)
    {
        var date = DateCleaning.Parse(raw);
        Assert.False(date.HasValue);
        Assert.Contains(reason, date.Error);
    }

    [Theory]
    [InlineData("25/12/2024", "2024-12-25")]
    [InlineData("12/25/2024", "2024-12-25")]
    [InlineData("05/05/2024", "2024-05-05")]
    public void Day_or_month_first_is_read_when_only_one_reading_exists(string raw, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), DateCleaning.Parse(raw).Value);

    [Theory]
    [InlineData("03/05/2024", "dd/MM/yyyy", "2024-05-03")]
    [InlineData("03/05/2024", "MM/dd/yyyy", "2024-03-05")]
    [InlineData("5.3.24", "d.M.yy", "2024-03-05")]
    [InlineData("05-Mar-2024", "dd-MMM-yyyy", "2024-03-05")]
    public void An_explicit_format_settles_ambiguous_dates(string raw, string format, string expected)
    {
        var date = DateCleaning.Parse(raw, format);
        Assert.Null(date.Error);
        Assert.Equal(DateOnly.Parse(expected), date.Value);
    }

    [Theory]
    [InlineData("2024-03-05", "dd/MM/yyyy")]
    [InlineData("30/02/2024", "dd/MM/yyyy")]
    public void A_value_that_does_not_fit_the_explicit_format_is_refused(string raw, string format) =>
        Assert.Contains(format, DateCleaning.Parse(raw, format).Error);

    [Fact]
    public void An_empty_date_is_empty_not_an_error() => Assert.True(DateCleaning.Parse(" ").IsEmpty);
}
