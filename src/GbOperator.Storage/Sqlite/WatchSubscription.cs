using System.Threading.Channels;

namespace GbOperator.Storage.Sqlite;

/// <summary>The queue of one watch: the change feed writes the events under its prefix, the watch reads them.</summary>
internal sealed class WatchSubscription(string prefix, int capacity)
{
    private readonly Channel<StoreEvent> _events = Channel.CreateBounded<StoreEvent>(
        new BoundedChannelOptions(capacity) { SingleReader = true });

    public string Prefix { get; } = prefix;

    public ChannelReader<StoreEvent> Reader => _events.Reader;

    /// <summary>Queues <paramref name="storeEvent"/>; returns <c>false</c> when the queue is full.</summary>
    public bool TryPublish(StoreEvent storeEvent) => _events.Writer.TryWrite(storeEvent);

    /// <summary>Ends the watch after the queued events, with <paramref name="error"/> when set.</summary>
    public void Complete(Exception? error = null) => _events.Writer.TryComplete(error);
}
