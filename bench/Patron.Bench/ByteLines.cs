using System.Buffers.Text;
using System.Text;

namespace Patron.Bench;

/// <summary>
/// Lines of a UTF-8 file without a string per line: a 1 MiB buffer refilled as it is consumed, each line handed out as
/// a span into it, fields cut at commas. Enough for the generated files (no quoting); a line is valid until the next call.
/// A reader can be given a byte range of the file (from a line start to a line start, <see cref="FileSplit"/>), so that
/// two threads read two halves.
/// </summary>
sealed class ByteLines : IDisposable
{
    readonly FileStream file;
    byte[] buffer = new byte[1 << 20];
    int start, end;
    long left;
    bool eof;

    public ByteLines(string path, bool skipHeader = true) : this(path, 0, long.MaxValue, skipHeader)
    {
    }

    /// <summary>The lines of bytes [<paramref name="from"/>, <paramref name="to"/>); the header is skipped only when reading from 0.</summary>
    public ByteLines(string path, long from, long to, bool skipHeader = true)
    {
        file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        file.Position = from;
        left = to - from;
        if (skipHeader && from == 0) Next(out _);
    }

    public bool Next(out ReadOnlySpan<byte> line)
    {
        while (true)
        {
            var at = buffer.AsSpan(start, end - start).IndexOf((byte)'\n');
            if (at >= 0)
            {
                line = buffer.AsSpan(start, at);
                start += at + 1;
                return true;
            }
            if (eof)
            {
                line = buffer.AsSpan(start, end - start);
                start = end;
                return line.Length > 0;
            }
            Fill();
        }
    }

    void Fill()
    {
        var rest = end - start;
        if (rest == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2);
        Buffer.BlockCopy(buffer, start, buffer, 0, rest);
        (start, end) = (0, rest);
        var n = file.Read(buffer, end, (int)Math.Min(buffer.Length - end, left));
        if (n == 0) eof = true;
        (end, left) = (end + n, left - n);
    }

    /// <summary>The next field of <paramref name="line"/>, which moves past it.</summary>
    public static ReadOnlySpan<byte> Field(ref ReadOnlySpan<byte> line)
    {
        var comma = line.IndexOf((byte)',');
        if (comma < 0) { var last = line; line = default; return last; }
        var field = line[..comma];
        line = line[(comma + 1)..];
        return field;
    }

    public static long Long(ReadOnlySpan<byte> field) =>
        Utf8Parser.TryParse(field, out long v, out var used) && used == field.Length ? v : throw new FormatException(Encoding.UTF8.GetString(field));

    public static int Int(ReadOnlySpan<byte> field) => checked((int)Long(field));

    /// <summary>yyyy-MM-dd, or null for an empty field.</summary>
    public static DateOnly? Date(ReadOnlySpan<byte> f) =>
        f.Length == 0 ? null
        : f.Length == 10 && f[4] == '-' && f[7] == '-' ? new DateOnly(Digits(f[..4]), Digits(f.Slice(5, 2)), Digits(f.Slice(8, 2)))
        : throw new FormatException(Encoding.UTF8.GetString(f));

    static int Digits(ReadOnlySpan<byte> f)
    {
        var v = 0;
        foreach (var b in f) v = v * 10 + (b - '0');
        return v;
    }

    public void Dispose() => file.Dispose();
}

/// <summary>Short strings seen again and again (categories, channels, stores, cities) turned into one shared string each.</summary>
sealed class Interner
{
    readonly Dictionary<string, string> strings = new(StringComparer.Ordinal);
    readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> lookup;

    public Interner() => lookup = strings.GetAlternateLookup<ReadOnlySpan<char>>();

    public string? Of(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length == 0) return null;
        Span<char> chars = stackalloc char[utf8.Length];
        var n = Encoding.UTF8.GetChars(utf8, chars);
        if (lookup.TryGetValue(chars[..n], out var s)) return s;
        s = new string(chars[..n]);
        strings.Add(s, s);
        return s;
    }
}

/// <summary>
/// Short byte strings (channels, stores, categories) to codes without decoding them: an FNV-1a hash into an
/// open-addressing table; a string is decoded once, when first seen, and coded by <paramref name="add"/>. Empty is −1.
/// </summary>
sealed class ByteCodes(Func<string, int> add)
{
    byte[]?[] keys = new byte[]?[64];
    int[] codes = new int[64];
    int count;

    public int Of(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length == 0) return -1;
        var mask = keys.Length - 1;
        for (var at = (int)(Hash(utf8) & mask); ; at = (at + 1) & mask)
        {
            var key = keys[at];
            if (key is null) break;
            if (utf8.SequenceEqual(key)) return codes[at];
        }
        var code = add(Encoding.UTF8.GetString(utf8));
        Put(utf8.ToArray(), code);
        if (++count * 2 > keys.Length) Grow();
        return code;
    }

    static uint Hash(ReadOnlySpan<byte> utf8)
    {
        var h = 2166136261u;
        foreach (var b in utf8) h = (h ^ b) * 16777619u;
        return h;
    }

    void Put(byte[] key, int code)
    {
        var mask = keys.Length - 1;
        var at = (int)(Hash(key) & mask);
        while (keys[at] is not null) at = (at + 1) & mask;
        (keys[at], codes[at]) = (key, code);
    }

    void Grow()
    {
        var (oldKeys, oldCodes) = (keys, codes);
        (keys, codes) = (new byte[]?[oldKeys.Length * 2], new int[oldKeys.Length * 2]);
        for (var k = 0; k < oldKeys.Length; k++)
            if (oldKeys[k] is { } key) Put(key, oldCodes[k]);
    }
}
