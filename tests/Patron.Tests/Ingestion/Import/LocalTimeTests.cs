using System.Globalization;
using Patron.Ingestion.Import;

namespace Patron.Tests.Ingestion.Import;

public sealed class LocalTimeTests
{
    [Theory]
    [InlineData("2024-03-05 14:23:11", 8, "2024-03-05T06:23:11Z")]
    [InlineData("2024-01-01 03:00:00", 8, "2023-12-31T19:00:00Z")]
    [InlineData("2024-02-29 23:59:59", 0, "2024-02-29T23:59:59Z")]
    [InlineData("2024/3/5 9:05", 8, "2024-03-05T01:05:00Z")]
    [InlineData("2024-3-5 9:05:00", 8, "2024-03-05T01:05:00Z")]
    [InlineData("２０２４-０３-０５ １４:２３:１１", 8, "2024-03-05T06:23:11Z")]
    [InlineData("2024-03-05T14:23:11+08:00", 0, "2024-03-05T06:23:11Z")]
    public void Local_times_become_utc_with_the_source_offset(string raw, double offset, string utc)
    {
        var result = LocalTime.ToUtc(raw, offset, null, out var error);
        Assert.Null(error);
        Assert.Equal(DateTime.Parse(utc, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal), result);
        Assert.Equal(DateTimeKind.Utc, result!.Value.Kind);
    }

    [Theory]
    [InlineData("2023-02-29 10:00:00")]
    [InlineData("2024-13-01 10:00:00")]
    [InlineData("2024-04-31 10:00:00")]
    [InlineData("2024-03-05 24:00:00")]
    [InlineData("2024-03-05 12:60:00")]
    [InlineData("2024-03-05 12:00:61")]
    [InlineData("0000-03-05 12:00:00")]
    [InlineData("2024-03-0x 12:00:00")]
    public void Impossible_times_in_the_common_form_are_refused_with_a_reason(string raw)
    {
        Assert.Null(LocalTime.ToUtc(raw, 8, null, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void The_common_form_reads_as_the_general_formats_do_for_every_hour_of_a_leap_year()
    {
        for (var t = new DateTime(2024, 1, 1); t.Year == 2024; t = t.AddMinutes(61))
        {
            var raw = t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            var general = DateTime.ParseExact(raw, "yyyy-M-d H:m:s", CultureInfo.InvariantCulture) - TimeSpan.FromHours(8);
            Assert.Equal(DateTime.SpecifyKind(general, DateTimeKind.Utc), LocalTime.ToUtc(raw, 8, null, out _));
        }
    }
}
