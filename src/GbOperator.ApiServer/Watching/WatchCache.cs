using System.Text.Json.Nodes;
using GbOperator.ApiServer.Hosting;
using GbOperator.ApiServer.Logging;
using GbOperator.ApiServer.Registry;
using GbOperator.Resources;
using GbOperator.Storage;
using Microsoft.Extensions.Logging;

namespace GbOperator.ApiServer.Watching;

/// <summary>
/// The current objects of one kind and a window of its recent changes, fed by one store watch and
/// fanned out to every watcher of that kind.
/// </summary>
/// <remarks>
/// The cache lists the kind, then watches the store from the list's revision. When the store watch
/// fails, every watcher is terminated (clients list and watch again) and the cache starts over after
/// a backoff. A watch from a revision older than the window is served by a direct store watch.
/// </remarks>
internal sealed class WatchCache
{
    private static readonly TimeSpan MinRetryDelay = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(30);

    private readonly IResourceStore _store;
    private readonly ApiServerOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly Lock _lock = new();
    private readonly SortedDictionary<string, WatchEvent> _objects = new(StringComparer.Ordinal);
    private readonly Queue<WatchEvent> _window = new();
    private readonly List<Watcher> _watchers = [];
    private TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _revision;
    private long _windowStart;

    public WatchCache(ResourceKind kind, IResourceStore store, ApiServerOptions options, TimeProvider timeProvider, ILogger logger)
    {
        Kind = kind;
        _store = store;
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    public ResourceKind Kind { get; }

    /// <summary>Number of registered watchers.</summary>
    public int WatcherCount
    {
        get
        {
            lock (_lock)
            {
                return _watchers.Count;
            }
        }
    }

    /// <summary>Lists the kind and follows the store watch until <paramref name="cancellationToken"/> fires.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var delay = MinRetryDelay;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var revision = await LoadAsync(cancellationToken);
                delay = MinRetryDelay;
                await foreach (var change in _store.WatchAsync(Kind.KeyPrefix, revision, cancellationToken))
                {
                    Apply(change);
                }

                _logger.WatchCacheStreamEnded(Kind.Kind);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (StoreUnavailableException exception)
            {
                // The store logs the failure with its stack trace; one line here is enough.
                _logger.WatchCacheStoreUnavailable(Kind.Kind, exception.Message, delay);
            }
            catch (Exception exception)
            {
                _logger.WatchCacheFailed(exception, Kind.Kind, delay);
            }

            Reset("the watch cache restarted after a store error; list and watch again");
            try
            {
                await Task.Delay(delay, _timeProvider, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetryDelay.Ticks));
        }

        Reset("the API server is shutting down");
    }

    /// <summary>
    /// Registers a watcher. With no <paramref name="afterRevision"/>, it first receives an <c>ADDED</c>
    /// event for every matching object; otherwise every change after that revision.
    /// </summary>
    /// <returns>The watcher, or <c>null</c> when <paramref name="afterRevision"/> is older than the window.</returns>
    public async Task<Watcher?> SubscribeAsync(long? afterRevision, WatchFilter filter, CancellationToken cancellationToken)
    {
        Task ready;
        lock (_lock)
        {
            ready = _ready.Task;
        }

        await ready.WaitAsync(cancellationToken);
        lock (_lock)
        {
            if (afterRevision is null)
            {
                var watcher = new Watcher(filter, _revision, _options.WatcherQueueCapacity, Unsubscribe);
                foreach (var current in _objects.Values)
                {
                    if (filter.SelectType(current with { Type = WatchEventTypes.Added, PreviousObject = null }) is not null)
                    {
                        watcher.EnqueueInitial(new DeliveredEvent(WatchEventTypes.Added, current.ObjectJson, current.Revision));
                    }
                }

                _watchers.Add(watcher);
                return watcher;
            }

            if (afterRevision.Value < _windowStart)
            {
                return null;
            }

            var replaying = new Watcher(filter, afterRevision.Value, _options.WatcherQueueCapacity, Unsubscribe);
            foreach (var change in _window)
            {
                if (change.Revision > afterRevision.Value)
                {
                    replaying.Replay(change);
                }
            }

            _watchers.Add(replaying);
            return replaying;
        }
    }

    private async Task<long> LoadAsync(CancellationToken cancellationToken)
    {
        var list = await _store.ListAsync(Kind.KeyPrefix, startAfterKey: null, limit: 0, atRevision: 0, cancellationToken);
        lock (_lock)
        {
            _objects.Clear();
            _window.Clear();
            foreach (var item in list.Items)
            {
                var change = CreateEvent(WatchEventTypes.Added, item.Key, item.Value, item.ModRevision, previous: null);
                _objects[item.Key] = change;
            }

            _revision = list.Revision;
            _windowStart = list.Revision;
            _ready.TrySetResult();
        }

        _logger.WatchCacheLoaded(Kind.Kind, list.Items.Count, list.Revision);
        return list.Revision;
    }

    private void Apply(StoreEvent storeEvent)
    {
        lock (_lock)
        {
            _objects.TryGetValue(storeEvent.Key, out var previous);
            var type = storeEvent.Type switch
            {
                StoreEventType.Created => WatchEventTypes.Added,
                StoreEventType.Updated => WatchEventTypes.Modified,
                _ => WatchEventTypes.Deleted,
            };
            var change = CreateEvent(type, storeEvent.Key, storeEvent.Value, storeEvent.Revision, previous?.Object);
            if (type == WatchEventTypes.Deleted)
            {
                _objects.Remove(storeEvent.Key);
            }
            else
            {
                _objects[storeEvent.Key] = change;
            }

            _revision = storeEvent.Revision;
            _window.Enqueue(change);
            while (_window.Count > _options.WatchCacheWindow)
            {
                _windowStart = _window.Dequeue().Revision;
            }

            for (var index = _watchers.Count - 1; index >= 0; index--)
            {
                if (!_watchers[index].Offer(change))
                {
                    _logger.SlowWatcherDropped(Kind.Kind, change.Revision);
                    _watchers.RemoveAt(index);
                }
            }
        }
    }

    private void Reset(string message)
    {
        lock (_lock)
        {
            foreach (var watcher in _watchers)
            {
                watcher.Terminate(message);
            }

            _watchers.Clear();
            if (_ready.Task.IsCompleted)
            {
                _ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }

    private void Unsubscribe(Watcher watcher)
    {
        lock (_lock)
        {
            _watchers.Remove(watcher);
        }
    }

    private static WatchEvent CreateEvent(string type, string key, ReadOnlyMemory<byte> value, long revision, JsonObject? previous)
    {
        var json = StoredObject.Parse(value.Span, revision);
        var bytes = StoredObject.ToUtf8(json);
        return new WatchEvent(type, key, json, previous, bytes, revision);
    }
}
