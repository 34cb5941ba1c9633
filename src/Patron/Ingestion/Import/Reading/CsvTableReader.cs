using System.Globalization;
using System.IO.Compression;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace Patron.Ingestion.Import.Reading;

/// <summary>
/// A delimited text file, optionally gzipped (recognised by its magic bytes, not its name), streamed row by row so
/// that memory stays flat whatever the size. The delimiter is the most frequent of , tab ; | in the header line
/// outside quotes; the encoding is sniffed by <see cref="TextEncodingSniffer"/>.
/// </summary>
public sealed class CsvTableReader : ITableReader
{
    const int BufferSize = 1 << 16;
    static readonly char[] Candidates = [',', '\t', ';', '|'];

    readonly StreamReader reader;
    readonly CsvParser parser;
    bool read;

    public CsvTableReader(Stream file)
    {
        var encoding = TextEncodingSniffer.Detect(Decompressed(file, out var rewind));
        var text = rewind();
        reader = new StreamReader(text, encoding, detectEncodingFromByteOrderMarks: true, BufferSize);
        var first = reader.ReadLine() ?? "";
        Delimiter = Sniff(first);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = Delimiter.ToString(), BufferSize = BufferSize, HasHeaderRecord = false, BadDataFound = null,
            MissingFieldFound = null, TrimOptions = TrimOptions.None, DetectColumnCountChanges = false,
        };
        using (var header = new CsvParser(new StringReader(first), config))
            Headers = header.Read() ? header.Record!.Select(h => h.Trim()).ToArray() : [];
        parser = new CsvParser(reader, config);
    }

    public char Delimiter { get; }

    public IReadOnlyList<string> Headers { get; }

    public IEnumerable<SourceRow> Rows()
    {
        if (read) throw new InvalidOperationException("The rows of a file can be read once.");
        read = true;
        long number = 0;
        string[]? previous = null;
        while (parser.Read())
        {
            var cells = parser.Record!;
            // A blank line carries no data; it is not a row to accept or reject.
            if (cells.Length == 1 && cells[0].Length == 0) continue;
            if (previous is not null) ShareRepeated(cells, previous);
            previous = cells;
            yield return new SourceRow(++number, cells);
        }
    }

    /// <summary>
    /// The lines of an order repeat its id, buyer, address and time: a cell equal to the one above it becomes the same
    /// string. The copy then dies young instead of being held (and copied by the GC) for as long as the row waits in
    /// OrderGrouping's window, the cleaning queue and the batch; equal cells also compare by reference from then on.
    /// </summary>
    static void ShareRepeated(string[] cells, string[] previous)
    {
        for (var i = 0; i < cells.Length && i < previous.Length; i++)
            if (cells[i].Length > 0 && string.Equals(cells[i], previous[i], StringComparison.Ordinal)) cells[i] = previous[i];
    }

    public static char Sniff(string header)
    {
        var counts = new int[Candidates.Length];
        var quoted = false;
        foreach (var c in header)
        {
            if (c == '"') quoted = !quoted;
            else if (!quoted && Array.IndexOf(Candidates, c) is var i and >= 0) counts[i]++;
        }
        var best = 0;
        for (var i = 1; i < counts.Length; i++) if (counts[i] > counts[best]) best = i;
        return Candidates[best];
    }

    /// <summary>The stream to sniff, and how to get a fresh one from its start (gzip streams cannot seek).</summary>
    static Stream Decompressed(Stream file, out Func<Stream> rewind)
    {
        Span<byte> magic = stackalloc byte[2];
        var isGzip = file.Read(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
        file.Position = 0;
        if (!isGzip)
        {
            rewind = () => { file.Position = 0; return file; };
            return file;
        }
        var sample = new MemoryStream();
        using (var probe = new GZipStream(file, CompressionMode.Decompress, leaveOpen: true)) CopyUpTo(probe, sample, 64 * 1024);
        sample.Position = 0;
        rewind = () => { file.Position = 0; return new GZipStream(file, CompressionMode.Decompress); };
        return sample;
    }

    static void CopyUpTo(Stream from, Stream to, int limit)
    {
        var buffer = new byte[8192];
        for (int n, total = 0; total < limit && (n = from.Read(buffer, 0, Math.Min(buffer.Length, limit - total))) > 0; total += n)
            to.Write(buffer, 0, n);
    }

    public void Dispose()
    {
        parser.Dispose();
        reader.Dispose();
    }
}
