using System.Globalization;
using System.Text;
using Patron.Platform.Bulk;

namespace Patron.Tests.Platform;

public sealed class SqliteValueBinderTests
{
    [Fact]
    public void Times_are_written_exactly_as_the_custom_format_Microsoft_Data_Sqlite_uses_writes_them()
    {
        var random = new Random(20261123);
        var times = new List<DateTime>
        {
            DateTime.MinValue, DateTime.MaxValue, new(2024, 2, 29, 0, 0, 0, DateTimeKind.Utc), new(1999, 12, 31, 23, 59, 59, 100, DateTimeKind.Utc),
            new(2025, 3, 4, 5, 6, 7, 890, DateTimeKind.Utc), new DateTime(2025, 3, 4, 5, 6, 7, DateTimeKind.Utc).AddTicks(1), new DateTime(2025, 3, 4, 5, 6, 7).AddTicks(1_000_000),
        };
        for (var i = 0; i < 10_000; i++)
        {
            var t = new DateTime(random.NextInt64(DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks), DateTimeKind.Utc);
            // Every other time without its lower digits: fractions with trailing zeros, whole seconds.
            times.Add(i % 2 == 0 ? t : new DateTime(t.Ticks - t.Ticks % (long)Math.Pow(10, i % 8), DateTimeKind.Utc));
        }
        var buffer = new byte[64];
        foreach (var t in times)
        {
            var written = SqliteValueBinder.FormatDateTime(t, buffer);
            Assert.Equal(t.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", CultureInfo.InvariantCulture), Encoding.ASCII.GetString(buffer, 0, written));
        }
    }
}
