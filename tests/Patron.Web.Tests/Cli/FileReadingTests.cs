using System.Globalization;
using Patron.Cli.Files;

namespace Patron.Web.Tests.Cli;

/// <summary>
/// The reader's fast paths against the general parsers they stand in front of, and CSV quoting through the reader.
/// </summary>
public sealed class FileReadingTests : IDisposable
{
    readonly string folder = Directory.CreateTempSubdirectory("patron-read-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyyMMdd"];

    [Theory]
    [InlineData("2010-12-01 08:26:00")]
    [InlineData("2024-02-29")]
    [InlineData("2023-02-29")]
    [InlineData("2024-13-01 10:00")]
    [InlineData("2024-12-31 23:59")]
    [InlineData("2024-12-31 24:00")]
    [InlineData("2024-06-30 17:00:60")]
    [InlineData("20240630")]
    [InlineData("00010101")]
    [InlineData("00000101")]
    [InlineData("2024-6-30")]
    [InlineData("2024-06-30T17:00:00")]
    [InlineData("2024/06/30")]
    [InlineData("２０２４0630")]
    [InlineData("")]
    public void The_date_fast_path_agrees_with_ParseExact_or_declines(string text)
    {
        var styles = DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal;
        var expectedOk = DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, styles, out var expected);
        if (FastParse.TryDate(text, out var date))
        {
            Assert.True(expectedOk);
            Assert.Equal(expected, date);
            Assert.Equal(expected.Kind, date.Kind);
        }
    }

    [Fact]
    public void The_date_fast_path_takes_the_common_shapes()
    {
        Assert.True(FastParse.TryDate("2010-12-01 08:26:00", out var d));
        Assert.Equal(new DateTime(2010, 12, 1, 8, 26, 0, DateTimeKind.Utc), d);
        Assert.True(FastParse.TryDate("2024-06-30 17:00", out _));
        Assert.True(FastParse.TryDate("2024-06-30", out _));
        Assert.True(FastParse.TryDate("20240630", out _));
    }

    [Theory]
    [InlineData("2.55")]
    [InlineData("2.50")]
    [InlineData("-60.00")]
    [InlineData("0")]
    [InlineData("-0")]
    [InlineData("0.001")]
    [InlineData("007")]
    [InlineData("80995")]
    [InlineData("-80995")]
    [InlineData("999999999999999999")]
    [InlineData("9999999999999999999")]
    [InlineData("5.")]
    [InlineData(".5")]
    [InlineData("1.2.3")]
    [InlineData("+5")]
    [InlineData("1e3")]
    [InlineData("")]
    [InlineData("-")]
    public void The_decimal_fast_path_agrees_with_decimal_TryParse_or_declines(string text)
    {
        var expectedOk = decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var expected);
        if (FastParse.TryDecimal(text, out var value))
        {
            Assert.True(expectedOk);
            Assert.Equal(expected, value);
            Assert.Equal(expected.Scale, value.Scale);
            Assert.Equal(expected.ToString(CultureInfo.InvariantCulture), value.ToString(CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void Quoted_fields_keep_their_commas_quotes_and_newlines_and_rejects_keep_the_raw_lines()
    {
        var path = Path.Combine(folder, "quoted.csv");
        File.WriteAllText(path,
            "customer_id,date,note,amount\n" +
            "\"1001\",2024-01-02,\"a, b\",\"1,000.50\"\n" +
            "1002,2024-01-03,\"two\nlines \"\"quoted\"\"\",\"¥1,234.50\"\n" +
            ",2024-01-04,\"x,\ny\",5.00\n" +
            "1003,2024-01-05,plain,2.55\n");
        var rejected = new List<RejectedRow>();
        var rows = TransactionsFile.Read(path, new TransactionColumns(), rejected).ToList();
        Assert.Equal(["1001", "1002", "1003"], rows.Select(r => r.Customer));
        Assert.Equal([1000.50m, 1234.50m, 2.55m], rows.Select(r => r.Amount!.Value));
        // As the reader has always numbered them: a record's line is the last physical line it spans.
        Assert.Equal([2L, 4L, 7L], rows.Select(r => r.Line));
        var reject = Assert.Single(rejected);
        Assert.Equal(6, reject.Line);
        Assert.Equal(",2024-01-04,\"x,\ny\",5.00", reject.Raw);
        Assert.Equal("no customer id", reject.Reason);

        var records = DelimitedFile.Read(path).Select(r => (r.Line, r.Fields, Raw: r.Raw())).ToList();
        Assert.Equal(["1002", "2024-01-03", "two\nlines \"quoted\"", "¥1,234.50"], records[2].Fields);
        Assert.Equal("\"1001\",2024-01-02,\"a, b\",\"1,000.50\"", records[1].Raw);
    }
}
