using Microsoft.Win32.SafeHandles;

namespace Patron.Bench;

/// <summary>
/// Where to cut orders.csv and lines.csv in two so that each half can be read on its own thread: the orders file near
/// its middle, at a line start, and the lines file at the first line of that order (both files are sorted by order_no,
/// which the merge of orders with their lines relies on anyway), found by a binary search over byte offsets.
/// </summary>
static class FileSplit
{
    public static (long Orders, long Lines) Middle(string ordersPath, string linesPath)
    {
        using var orders = File.OpenHandle(ordersPath);
        using var lines = File.OpenHandle(linesPath);
        var cut = LineAtOrAfter(orders, RandomAccess.GetLength(orders) / 2);
        if (cut.Start == RandomAccess.GetLength(orders)) return (cut.Start, RandomAccess.GetLength(lines));
        // The smallest offset whose next line belongs to an order at or after the cut's (or is the end of the file).
        long lo = LineAtOrAfter(lines, 1).Start, hi = RandomAccess.GetLength(lines);
        while (lo < hi)
        {
            var mid = lo + (hi - lo) / 2;
            var at = LineAtOrAfter(lines, mid);
            if (at.OrderNo is not { } no || no >= cut.OrderNo!.Value) hi = mid;
            else lo = at.Start + 1;
        }
        return (cut.Start, LineAtOrAfter(lines, lo).Start);
    }

    /// <summary>The first line starting at or after <paramref name="offset"/> (≥ 1, so never the header) and its order_no; null at the end.</summary>
    static (long Start, long? OrderNo) LineAtOrAfter(SafeFileHandle file, long offset)
    {
        var length = RandomAccess.GetLength(file);
        Span<byte> buffer = stackalloc byte[4096];
        var n = RandomAccess.Read(file, buffer, offset - 1);
        var newline = buffer[..n].IndexOf((byte)'\n');
        if (newline < 0) return (length, null); // the last line (lines are far shorter than the buffer)
        var start = offset + newline;
        if (start >= length) return (length, null);
        n = RandomAccess.Read(file, buffer, start);
        ReadOnlySpan<byte> line = buffer[..n];
        return (start, ByteLines.Long(ByteLines.Field(ref line)));
    }
}
