using System.Threading.Channels;

namespace GbOperator.ApiServer.Watching;

/// <summary>One client's subscription to a watch cache or to a direct store watch.</summary>
/// <remarks>
/// Events wait in a queue of at most <c>capacity</c> live events; initial and replayed events do not count
/// against the limit. A watcher whose queue is full is terminated with <see cref="TerminationMessage"/> set,
/// so a slow client never blocks the cache or the other watchers.
/// </remarks>
internal sealed class Watcher : IDisposable
{
    private readonly Channel<DeliveredEvent> _queue = Channel.CreateUnbounded<DeliveredEvent>(
        new UnboundedChannelOptions { SingleReader = false, SingleWriter = false });

    private readonly int _capacity;
    private readonly Action<Watcher>? _unsubscribe;
    private readonly CancellationTokenSource _stopping = new();
    private long _progressRevision;
    private string? _terminationMessage;
    private int _disposed;

    public Watcher(WatchFilter filter, long startRevision, int capacity, Action<Watcher>? unsubscribe)
    {
        Filter = filter;
        StartRevision = startRevision;
        _progressRevision = startRevision;
        _capacity = capacity;
        _unsubscribe = unsubscribe;
    }

    public WatchFilter Filter { get; }

    /// <summary>Revision after which this watcher receives live changes.</summary>
    public long StartRevision { get; }

    /// <summary>Highest revision this watcher has seen, delivered or filtered out; the revision a bookmark reports.</summary>
    public long ProgressRevision => Interlocked.Read(ref _progressRevision);

    public ChannelReader<DeliveredEvent> Events => _queue.Reader;

    /// <summary>Why the watch ended early, or <c>null</c> when it ended normally or is still running.</summary>
    public string? TerminationMessage => Volatile.Read(ref _terminationMessage);

    /// <summary>Cancelled when the watcher is disposed; stops a direct store watch feeding it.</summary>
    public CancellationToken Stopping => _stopping.Token;

    /// <summary>Queues an initial event, which the capacity does not limit.</summary>
    public void EnqueueInitial(DeliveredEvent change) => _queue.Writer.TryWrite(change);

    /// <summary>Queues a past change from the cache's window if it passes the filter; like initial events, replayed ones are not limited.</summary>
    public void Replay(WatchEvent change)
    {
        var type = Filter.SelectType(change);
        if (type is not null)
        {
            _queue.Writer.TryWrite(new DeliveredEvent(type, change.ObjectJson, change.Revision));
        }

        Interlocked.Exchange(ref _progressRevision, change.Revision);
    }

    /// <summary>Queues a live change if it passes the filter; returns <c>false</c> when the watcher was terminated as too slow.</summary>
    public bool Offer(WatchEvent change)
    {
        if (change.Revision <= StartRevision)
        {
            return true;
        }

        var type = Filter.SelectType(change);
        if (type is not null)
        {
            if (_queue.Reader.Count >= _capacity)
            {
                Terminate($"the watcher fell more than {_capacity} events behind and was closed; watch again from the last resourceVersion received");
                return false;
            }

            _queue.Writer.TryWrite(new DeliveredEvent(type, change.ObjectJson, change.Revision));
        }

        Interlocked.Exchange(ref _progressRevision, change.Revision);
        return true;
    }

    /// <summary>Ends the event stream with an error that the client sees as a 410 Expired <c>ERROR</c> event.</summary>
    public void Terminate(string message)
    {
        Interlocked.CompareExchange(ref _terminationMessage, message, null);
        _queue.Writer.TryComplete();
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _unsubscribe?.Invoke(this);
        _queue.Writer.TryComplete();
        _stopping.Cancel();
        _stopping.Dispose();
    }
}
