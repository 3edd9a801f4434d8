using GbOperator.ApiServer.Hosting;
using GbOperator.ApiServer.Logging;
using GbOperator.ApiServer.Registry;
using GbOperator.Resources;
using GbOperator.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GbOperator.ApiServer.Watching;

/// <summary>One <see cref="WatchCache"/> per served kind, started with the host and stopped with it.</summary>
internal sealed class WatchCacheSet : IHostedService, IAsyncDisposable
{
    private readonly IResourceStore _store;
    private readonly ApiServerOptions _options;
    private readonly ILogger<WatchCacheSet> _logger;
    private readonly Dictionary<string, WatchCache> _caches;
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _loops = [];

    public WatchCacheSet(IResourceStore store, ApiServerOptions options, TimeProvider timeProvider, ILogger<WatchCacheSet> logger)
    {
        _store = store;
        _options = options;
        _logger = logger;
        _caches = ResourceCatalog.All.ToDictionary(
            kind => kind.Plural,
            kind => new WatchCache(kind, store, options, timeProvider, logger),
            StringComparer.Ordinal);
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var cache in _caches.Values)
        {
            _loops.Add(Task.Run(() => cache.RunAsync(_stopping.Token), CancellationToken.None));
        }

        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await Task.WhenAll(_loops).WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Starts a watch of <paramref name="kind"/>: from the kind's cache when it contains the requested history,
    /// otherwise from a direct store watch.
    /// </summary>
    public async Task<Watcher> SubscribeAsync(ResourceKind kind, long? afterRevision, WatchFilter filter, CancellationToken cancellationToken)
    {
        var cache = _caches[kind.Plural];
        var watcher = await cache.SubscribeAsync(afterRevision, filter, cancellationToken);
        if (watcher is not null)
        {
            return watcher;
        }

        var direct = new Watcher(filter, afterRevision ?? 0, _options.WatcherQueueCapacity, unsubscribe: null);
        _ = PumpStoreWatchAsync(kind, direct, afterRevision ?? 0);
        return direct;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stopping.IsCancellationRequested)
        {
            await _stopping.CancelAsync();
        }

        _stopping.Dispose();
    }

    private async Task PumpStoreWatchAsync(ResourceKind kind, Watcher watcher, long afterRevision)
    {
        var stopping = watcher.Stopping;
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping, _stopping.Token);
        try
        {
            await foreach (var storeEvent in _store.WatchAsync(kind.KeyPrefix, afterRevision, linked.Token))
            {
                var json = StoredObject.Parse(storeEvent.Value.Span, storeEvent.Revision);
                var type = storeEvent.Type switch
                {
                    StoreEventType.Created => WatchEventTypes.Added,
                    StoreEventType.Updated => WatchEventTypes.Modified,
                    _ => WatchEventTypes.Deleted,
                };
                var change = new WatchEvent(type, storeEvent.Key, json, null, StoredObject.ToUtf8(json), storeEvent.Revision);
                if (!watcher.Offer(change))
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (linked.IsCancellationRequested)
        {
            return;
        }
        catch (RevisionCompactedException exception)
        {
            watcher.Terminate($"too old resource version: {afterRevision} ({exception.CompactedRevision})");
            return;
        }
        catch (Exception exception)
        {
            _logger.DirectWatchFailed(exception, kind.Kind, afterRevision);
            watcher.Terminate("the store watch failed; list and watch again");
            return;
        }

        watcher.Terminate("the store watch ended; list and watch again");
    }
}
