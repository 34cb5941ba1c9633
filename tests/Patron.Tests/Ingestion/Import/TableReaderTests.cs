using System.Runtime.CompilerServices;
using System.Text;
using Patron.Ingestion.Import.Reading;

namespace Patron.Tests.Ingestion.Import;

public sealed class TableReaderTests
{
    static List<string[]> ReadAll(string path, out IReadOnlyList<string> headers)
    {
        using var table = TableFile.Open(path);
        headers = table.Headers;
        return table.Rows().Select(r => r.Cells).ToList();
    }

    public static TheoryData<string, char, string, bool> Formats => new()
    {
        { "gbk-semicolon.csv", ';', "gbk", false },
        { "utf8-bom-tab.csv", '\t', "utf8bom", false },
        { "utf8-pipe.csv.gz", '|', "utf8", true },
        { "utf8-comma.csv", ',', "utf8", false },
    };

    [Theory]
    [MemberData(nameof(Formats))]
    public void A_delimited_file_reads_the_same_whatever_its_delimiter_encoding_and_compression(string name, char delimiter, string encoding, bool gzip)
    {
        using var files = new SampleFiles();
        var enc = encoding switch { "gbk" => SampleFiles.Gbk, "utf8bom" => new UTF8Encoding(true), _ => new UTF8Encoding(false) };
        var path = files.Csv(name, SampleFiles.Orders, delimiter, enc, gzip);

        var rows = ReadAll(path, out var headers);

        Assert.Equal(SampleFiles.OrderHeaders, headers);
        Assert.Equal(SampleFiles.Orders.Skip(1), rows);
    }

    [Fact]
    public void An_xlsx_workbook_reads_like_the_csv_of_the_same_sheet()
    {
        using var files = new SampleFiles();
        var rows = ReadAll(files.Xlsx("members.xlsx", SampleFiles.Members), out var headers);

        Assert.Equal(SampleFiles.MemberHeaders, headers);
        Assert.Equal(SampleFiles.Members.Skip(1), rows);
    }

    [Fact]
    public void A_gbk_file_is_told_apart_from_utf8_by_its_bytes()
    {
        var text = "订单编号,收货人姓名\r\nT1,王小明\r\n";
        Assert.Equal("GB18030", TextEncodingSniffer.Detect(SampleFiles.Gbk.GetBytes(text)).WebName.ToUpperInvariant());
        Assert.IsType<UTF8Encoding>(TextEncodingSniffer.Detect(Encoding.UTF8.GetBytes(text)));
    }

    [Theory]
    [InlineData("a,b;c,d", ',')]
    [InlineData("\"x;y;z\",b,c", ',')]
    [InlineData("a\tb\tc", '\t')]
    [InlineData("a|b|c;d", '|')]
    [InlineData("a;b;c", ';')]
    public void The_delimiter_is_the_most_frequent_separator_outside_quotes(string header, char expected) =>
        Assert.Equal(expected, CsvTableReader.Sniff(header));

    [Fact]
    public void Rows_stream_without_holding_the_file_in_memory()
    {
        using var files = new SampleFiles();
        var path = files.Path("big.csv.gz");
        const int rows = 300_000;
        using (var zip = new System.IO.Compression.GZipStream(File.Create(path), System.IO.Compression.CompressionLevel.Fastest))
        using (var writer = new StreamWriter(zip))
        {
            writer.WriteLine("订单编号,商品名称,数量");
            for (var i = 0; i < rows; i++) writer.WriteLine($"O{i},商品{i % 100},1");
        }
        // Process-wide memory figures move with whatever the tests running beside this one hold, so the test asks
        // the exact question instead: once read, is a row free to be collected, or does the reader keep it?
        var early = new List<WeakReference>();
        long count = 0;
        using (var table = TableFile.Open(path))
            foreach (var row in table.Rows())
                if (++count <= 1000) Remember(early, row);

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        Assert.Equal(rows, count);
        Assert.Equal(0, early.Count(w => w.IsAlive));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static void Remember(List<WeakReference> early, SourceRow row) => early.Add(new WeakReference(row));

    [Fact]
    public void A_zip_that_is_no_workbook_is_refused_with_the_reason()
    {
        using var files = new SampleFiles();
        var path = files.Path("not-a-workbook.xlsx");
        using (var zip = System.IO.Compression.ZipFile.Open(path, System.IO.Compression.ZipArchiveMode.Create))
            using (var entry = new StreamWriter(zip.CreateEntry("readme.txt").Open())) entry.Write("hello");

        var refused = Assert.Throws<Patron.Ingestion.Import.ImportRefused>(() => TableFile.Open(path));

        Assert.StartsWith("not-a-workbook.xlsx cannot be read as a CSV or .xlsx table", Assert.Single(refused.Problems));
    }
}
