using System.Text;

namespace Patron.Ingestion.Import.Reading;

/// <summary>
/// UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030. Chinese spreadsheets saved as CSV by Excel or WPS are
/// GBK unless the user chose otherwise; GB18030 is its superset, so it decodes GBK and GB2312 files alike.
/// </summary>
public static class TextEncodingSniffer
{
    const int SampleSize = 64 * 1024;

    static TextEncodingSniffer() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding Gb18030 => Encoding.GetEncoding("GB18030");

    /// <summary>Reads up to 64 KB from the stream's start and puts the position back.</summary>
    public static Encoding Detect(Stream stream)
    {
        var sample = new byte[SampleSize];
        var length = 0;
        for (int n; length < sample.Length && (n = stream.Read(sample, length, sample.Length - length)) > 0;) length += n;
        stream.Position = 0;
        return Detect(sample.AsSpan(0, length));
    }

    public static Encoding Detect(ReadOnlySpan<byte> sample)
    {
        if (sample.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return new UTF8Encoding(true);
        if (sample.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return Encoding.Unicode;
        if (sample.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return Encoding.BigEndianUnicode;
        return IsUtf8(sample) ? new UTF8Encoding(false) : Gb18030;
    }

    /// <summary>
    /// Valid UTF-8 apart from a sequence cut at the end of the sample. GBK text is almost never valid UTF-8: its
    /// lead bytes 0x81-0xFE are followed by bytes that break UTF-8's continuation pattern within a few characters.
    /// </summary>
    static bool IsUtf8(ReadOnlySpan<byte> bytes)
    {
        var i = 0;
        while (i < bytes.Length)
        {
            var b = bytes[i];
            var extra = b < 0x80 ? 0 : b is >= 0xC2 and <= 0xDF ? 1 : b is >= 0xE0 and <= 0xEF ? 2 : b is >= 0xF0 and <= 0xF4 ? 3 : -1;
            if (extra < 0) return false;
            if (i + extra >= bytes.Length) return true;
            for (var k = 1; k <= extra; k++)
                if ((bytes[i + k] & 0xC0) != 0x80) return false;
            i += extra + 1;
        }
        return true;
    }
}
