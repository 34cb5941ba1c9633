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
    /// <remarks>
    /// Raw gives the record's text as in the file. It is a function, valid only until the next record is read,
    /// because building that string for every line cost ~10% of the load and only rejected lines need it.
    /// </remarks>
    public static IEnumerable<(long Line, string[] Fields, Func<string> Raw)> Read(string path)
    {
        if (!File.Exists(path)) throw new CliException($"File not found: {path}");
        using var reader = new StreamReader(Open(path), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var first = reader.ReadLine();
        if (first is null) yield break;
        var delimiter = DetectDelimiter(first);
        if (delimiter is null)
        {
            long line = 1;
            var current = first;
            Func<string> rawText = () => current;
            for (; current is not null; current = reader.ReadLine(), line++)
                if (!string.IsNullOrWhiteSpace(current))
                    yield return (line, current.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), rawText);
            yield break;
        }
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = delimiter, HasHeaderRecord = false, BadDataFound = null, MissingFieldFound = null, TrimOptions = TrimOptions.None,
        };
        using var parser = new CsvParser(new StringReader(first), config);
        if (parser.Read()) yield return (1, parser.Record!, () => first);
        using var rest = new CsvParser(reader, config);
        // CsvParser.RawRecord builds a new string on each access: only ask for it when a caller wants it.
        Func<string> raw = () => rest.RawRecord.TrimEnd('\r', '\n');
        while (rest.Read())
            yield return (rest.RawRow + 1, rest.Record!, raw);
    }

    internal static Stream Open(string path)
    {
        var file = File.OpenRead(path);
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
