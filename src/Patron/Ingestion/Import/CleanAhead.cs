using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using Patron.Ingestion.Import.Reading;

namespace Patron.Ingestion.Import;

/// <summary>
/// Reads and cleans the rows of a file on a thread of its own (<see cref="Ahead"/>) while the caller goes on with the
/// rows before, so that parsing, libphonenumber and the address parser overlap the database instead of adding to it.
/// The channel is bounded (a few thousand rows ahead), so memory stays flat however large the file is. Rows come out
/// in file order; the cleaner is only ever used by the one reading thread, so its caches need no locks. An exception
/// while reading or cleaning surfaces in the caller's loop after the rows read before it; leaving the loop early stops
/// the reader before the file is closed.
/// </summary>
static class CleanAhead
{
    const int ChunkRows = 512, ChunksAhead = 16;

    public static async IAsyncEnumerable<CleanRow> Rows(
        IEnumerable<SourceRow> rows, RowCleaner cleaner, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await foreach (var chunk in Ahead.Run<CleanRow[]>((writer, token) => ProduceAsync(rows, cleaner, writer, token), ChunksAhead, ct))
            foreach (var row in chunk)
                yield return row;
    }

    static async Task ProduceAsync(IEnumerable<SourceRow> rows, RowCleaner cleaner, ChannelWriter<CleanRow[]> writer, CancellationToken ct)
    {
        var chunk = new List<CleanRow>(ChunkRows);
        Exception? failure = null;
        try
        {
            foreach (var row in rows)
            {
                chunk.Add(cleaner.Clean(row));
                if (chunk.Count < ChunkRows) continue;
                await writer.WriteAsync([.. chunk], ct);
                chunk.Clear();
            }
        }
        catch (Exception e) { failure = e; }
        // The rows read before a failure still reach the caller, as they did when it read the file itself.
        if (chunk.Count > 0 && failure is not OperationCanceledException) await writer.WriteAsync([.. chunk], ct);
        if (failure is not null) ExceptionDispatchInfo.Throw(failure);
    }
}
