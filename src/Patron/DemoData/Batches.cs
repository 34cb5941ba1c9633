using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Patron.DemoData;

static class Batches
{
    /// <summary>
    /// Cuts a stream into batches produced on another thread, a few batches ahead: generating the next batch
    /// overlaps with writing the last one, which on SQLite keeps one core busy with each.
    /// </summary>
    public static async IAsyncEnumerable<T[]> AheadAsync<T>(IEnumerable<T> source, int size, [EnumeratorCancellation] CancellationToken ct)
    {
        var channel = Channel.CreateBounded<T[]>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var producer = Task.Run(async () =>
        {
            try
            {
                foreach (var batch in source.Chunk(size)) await channel.Writer.WriteAsync(batch, stop.Token);
                channel.Writer.Complete();
            }
            catch (Exception e) { channel.Writer.Complete(e); }
        }, CancellationToken.None);
        try
        {
            await foreach (var batch in channel.Reader.ReadAllAsync(ct)) yield return batch;
        }
        finally
        {
            // The consumer may stop early (an error, a cancellation): release a producer waiting for room.
            await stop.CancelAsync();
            await producer;
        }
    }
}
