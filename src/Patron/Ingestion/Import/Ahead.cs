using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Patron.Ingestion.Import;

/// <summary>
/// Runs a producer on a thread of its own, at most <c>capacity</c> items ahead of the consumer, so that the two
/// overlap while memory stays bounded. Items come out in the order produced. A failure of the producer surfaces in
/// the consumer's loop after the items produced before it; leaving the loop early (or failing in it) stops the
/// producer and waits for it, so whatever it holds (a file, a connection) can be closed safely afterwards.
/// </summary>
static class Ahead
{
    public static async IAsyncEnumerable<T> Run<T>(
        Func<ChannelWriter<T>, CancellationToken, Task> produce, int capacity, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var channel = Channel.CreateBounded<T>(new BoundedChannelOptions(capacity) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var producer = Task.Run(async () =>
        {
            Exception? failure = null;
            try { await produce(channel.Writer, stop.Token); }
            catch (Exception e) { failure = e; }
            channel.Writer.TryComplete(failure);
        }, CancellationToken.None);
        try
        {
            await foreach (var item in channel.Reader.ReadAllAsync(ct))
                yield return item;
        }
        finally
        {
            await stop.CancelAsync();
            await producer;
        }
    }
}
