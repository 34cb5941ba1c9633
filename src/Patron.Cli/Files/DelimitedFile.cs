using System.Globalization;
using System.IO.Compression;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace Patron.Cli.Files;

/// <summary>
/// Reads the records of a text file whatever its shape: comma, tab, semicolon or pipe separated with CSV quoting,
/// or columns separated by runs of spaces (as the CDNOW files are); gzip is recognised by its magic bytes.
/// </summary>
static class DelimitedFile
{
    const int BufferSize = 1 << 16;

    /// <remarks>Raw is valid only until the next record is read: see <see cref="DelimitedRecord"/>.</remarks>
    public static IEnumerable<(long Line, string[] Fields, Func<string> Raw)> Read(string path)
    {
        DelimitedRecord? current = null;
        Func<string> raw = () => current!.Raw;
        foreach (var record in Records(path))
        {
            current = record;
            yield return (record.Line, record.ToArray(), raw);
        }
    }

    /// <summary>The records one at a time, in one reused <see cref="DelimitedRecord"/>.</summary>
    public static IEnumerable<DelimitedRecord> Records(string path)
    {
        if (!File.Exists(path)) throw new CliException($"File not found: {path}");
        // 64 KB buffers rather than the defaults (1 KB and 4 KB): fewer trips through gzip and the parser's refills.
        using var reader = new StreamReader(Open(path), Encoding.UTF8, detectEncodingFromByteOrderMarks: true, BufferSize);
        var first = reader.ReadLine();
        if (first is null) yield break;
        var delimiter = DetectDelimiter(first);
        var record = new DelimitedRecord();
        if (delimiter is null)
        {
            long line = 1;
            for (var text = first; text is not null; text = reader.ReadLine(), line++)
                if (!string.IsNullOrWhiteSpace(text))
                    yield return record.Set(line, text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), text);
            yield break;
        }
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = delimiter, BufferSize = BufferSize, HasHeaderRecord = false, BadDataFound = null, MissingFieldFound = null, TrimOptions = TrimOptions.None,
        };
        using var parser = new CsvParser(new StringReader(first), config);
        if (parser.Read()) yield return record.Set(1, parser, first);
        using var rest = new CsvParser(reader, config);
        while (rest.Read())
            yield return record.Set(rest.RawRow + 1, rest, null);
    }

    internal static Stream Open(string path)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize);
        Span<byte> magic = stackalloc byte[2];
        var isGzip = file.Read(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
        file.Position = 0;
        return isGzip ? new GZipStream(file, CompressionMode.Decompress) : file;
    }

    /// <summary>The most frequent of the usual separators outside quotes, or null for whitespace-separated columns.</summary>
    static string? DetectDelimiter(string header)
    {
        char[] candidates = [',', '\t', ';', '|'];
        var best = candidates.Select(c => (c, n: header.Count(x => x == c))).MaxBy(t => t.n);
        return best.n > 0 ? best.c.ToString() : null;
    }
}
