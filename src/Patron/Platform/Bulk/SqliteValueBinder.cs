using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using SQLitePCL;

namespace Patron.Platform.Bulk;

/// <summary>
/// Binds provider values (after EF's converters) by parameter index, in the text forms Microsoft.Data.Sqlite uses,
/// so rows read back as if EF had written them (BulkWriterTests compares the stored values). UTF-8 is encoded into
/// one reused buffer and copied into a native arena that holds one row's texts, bound as SQLITE_STATIC: SQLite reads
/// them in place. SQLitePCL binds spans as SQLITE_TRANSIENT, for which SQLite mallocs and copies every value and
/// frees the previous row's copy, which made binding text a tenth of the import's writer thread. Call
/// <see cref="NextRow"/> before binding each row (the arena is reused: SQLite must be done with the previous row,
/// i.e. it was stepped and reset) and dispose the binder only after the statement is finalized.
/// </summary>
sealed class SqliteValueBinder : IDisposable
{
    const int ArenaBytes = 1 << 16;
    static readonly IntPtr Static = IntPtr.Zero;

    byte[] buffer = new byte[256];
    readonly IntPtr arena = Marshal.AllocHGlobal(ArenaBytes);
    int used;

    public void NextRow() => used = 0;

    public void Dispose() => Marshal.FreeHGlobal(arena);

    /// <summary>
    /// Binds a typed value without boxing it: for a value type the JIT compiles one specialised copy of this method
    /// and drops every branch but the one for <typeparamref name="TValue"/>. Types not listed go through the boxed path.
    /// </summary>
    public int Bind<TValue>(sqlite3_stmt statement, int index, TValue value)
    {
        if (value is null) return raw.sqlite3_bind_null(statement, index);
        if (typeof(TValue) == typeof(string)) return BindText(statement, index, Unsafe.As<string>(value));
        if (typeof(TValue) == typeof(Guid)) return BindGuid(statement, index, Unsafe.As<TValue, Guid>(ref value));
        if (typeof(TValue) == typeof(Guid?)) return BindGuid(statement, index, Unsafe.As<TValue, Guid?>(ref value)!.Value);
        if (typeof(TValue) == typeof(long)) return raw.sqlite3_bind_int64(statement, index, Unsafe.As<TValue, long>(ref value));
        if (typeof(TValue) == typeof(long?)) return raw.sqlite3_bind_int64(statement, index, Unsafe.As<TValue, long?>(ref value)!.Value);
        if (typeof(TValue) == typeof(int)) return raw.sqlite3_bind_int64(statement, index, Unsafe.As<TValue, int>(ref value));
        if (typeof(TValue) == typeof(int?)) return raw.sqlite3_bind_int64(statement, index, Unsafe.As<TValue, int?>(ref value)!.Value);
        if (typeof(TValue) == typeof(bool)) return raw.sqlite3_bind_int64(statement, index, Unsafe.As<TValue, bool>(ref value) ? 1 : 0);
        if (typeof(TValue) == typeof(DateTime)) return BindDateTime(statement, index, Unsafe.As<TValue, DateTime>(ref value));
        if (typeof(TValue) == typeof(DateTime?)) return BindDateTime(statement, index, Unsafe.As<TValue, DateTime?>(ref value)!.Value);
        if (typeof(TValue) == typeof(DateOnly)) return BindDateOnly(statement, index, Unsafe.As<TValue, DateOnly>(ref value));
        if (typeof(TValue) == typeof(DateOnly?)) return BindDateOnly(statement, index, Unsafe.As<TValue, DateOnly?>(ref value)!.Value);
        if (typeof(TValue) == typeof(double)) return raw.sqlite3_bind_double(statement, index, Unsafe.As<TValue, double>(ref value));
        return Bind(statement, index, (object)value);
    }

    public int Bind(sqlite3_stmt statement, int index, object value) => value switch
    {
        DBNull => raw.sqlite3_bind_null(statement, index),
        string s => BindText(statement, index, s),
        Guid g => BindGuid(statement, index, g),
        DateTime d => BindDateTime(statement, index, d),
        DateOnly d => BindDateOnly(statement, index, d),
        DateTimeOffset d => BindFormatted(statement, index, d, @"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFFzzz"),
        decimal m => BindFormatted(statement, index, m, "0.0###########################"),
        bool b => raw.sqlite3_bind_int64(statement, index, b ? 1 : 0),
        long l => raw.sqlite3_bind_int64(statement, index, l),
        int i => raw.sqlite3_bind_int64(statement, index, i),
        short i => raw.sqlite3_bind_int64(statement, index, i),
        byte i => raw.sqlite3_bind_int64(statement, index, i),
        double x => raw.sqlite3_bind_double(statement, index, x),
        float x => raw.sqlite3_bind_double(statement, index, x),
        byte[] bytes => raw.sqlite3_bind_blob(statement, index, bytes),
        _ => throw new NotSupportedException($"The SQLite bulk insert cannot bind a {value.GetType().Name}; add it to {nameof(SqliteValueBinder)}."),
    };

    int BindDateTime(sqlite3_stmt statement, int index, DateTime d) => BindBuffer(statement, index, FormatDateTime(d, buffer));

    /// <summary>
    /// <c>yyyy-MM-dd HH:mm:ss.FFFFFFF</c> (the fraction without trailing zeros, the point only when there is one), as
    /// Microsoft.Data.Sqlite writes a DateTime, by hand: the custom format string cost 5% of the writer thread.
    /// </summary>
    internal static int FormatDateTime(DateTime d, Span<byte> into)
    {
        Digits(into, 0, d.Year, 4);
        into[4] = (byte)'-';
        Digits(into, 5, d.Month, 2);
        into[7] = (byte)'-';
        Digits(into, 8, d.Day, 2);
        into[10] = (byte)' ';
        Digits(into, 11, d.Hour, 2);
        into[13] = (byte)':';
        Digits(into, 14, d.Minute, 2);
        into[16] = (byte)':';
        Digits(into, 17, d.Second, 2);
        var fraction = (int)(d.Ticks % TimeSpan.TicksPerSecond);
        if (fraction == 0) return 19;
        into[19] = (byte)'.';
        Digits(into, 20, fraction, 7);
        var length = 27;
        while (into[length - 1] == (byte)'0') length--;
        return length;
    }

    static void Digits(Span<byte> into, int at, int value, int count)
    {
        for (var i = at + count - 1; i >= at; i--, value /= 10) into[i] = (byte)('0' + value % 10);
    }

    int BindDateOnly(sqlite3_stmt statement, int index, DateOnly d) => BindFormatted(statement, index, d, @"yyyy\-MM\-dd");

    int BindText(sqlite3_stmt statement, int index, string s)
    {
        var length = Encoding.UTF8.GetMaxByteCount(s.Length);
        if (length > buffer.Length) buffer = new byte[Math.Max(length, buffer.Length * 2)];
        return BindBuffer(statement, index, Encoding.UTF8.GetBytes(s, buffer));
    }

    /// <summary>Upper-case "D" format, as Microsoft.Data.Sqlite writes a Guid to a TEXT column.</summary>
    int BindGuid(sqlite3_stmt statement, int index, Guid g)
    {
        g.TryFormat(buffer, out var written, "D");
        var span = buffer.AsSpan(0, written);
        for (var i = 0; i < span.Length; i++)
            if (span[i] is >= (byte)'a' and <= (byte)'f') span[i] -= 'a' - 'A';
        return BindBuffer(statement, index, written);
    }

    int BindFormatted<T>(sqlite3_stmt statement, int index, T value, string format) where T : IUtf8SpanFormattable
    {
        if (!value.TryFormat(buffer, out var written, format, CultureInfo.InvariantCulture))
            return BindText(statement, index, string.Format(CultureInfo.InvariantCulture, $"{{0:{format}}}", value));
        return BindBuffer(statement, index, written);
    }

    /// <summary>Binds the first <paramref name="length"/> bytes of the buffer as text.</summary>
    int BindBuffer(sqlite3_stmt statement, int index, int length)
    {
        // A row longer than the arena (a very long text) binds the rest the copying way.
        if (used + length > ArenaBytes) return raw.sqlite3_bind_text(statement, index, buffer.AsSpan(0, length));
        var text = arena + used;
        Marshal.Copy(buffer, 0, text, length);
        used += length;
        return Native.sqlite3_bind_text(statement.DangerousGetHandle(), index, text, length, Static);
    }

    /// <summary>The same e_sqlite3 library SQLitePCL loaded (it imports it by this name too).</summary>
    static class Native
    {
        [DllImport("e_sqlite3", ExactSpelling = true)]
        public static extern int sqlite3_bind_text(IntPtr statement, int index, IntPtr text, int length, IntPtr destructor);
    }
}
