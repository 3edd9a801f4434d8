using GbOperator.Resources;
using Microsoft.Extensions.Logging;

namespace GbOperator.Controllers.Runtime;

/// <summary>
/// Keeps a local cache of one kind in step with the API server and notifies handlers of each change.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="RunAsync"/> lists, replaces the cache with the list, then watches from the list's
/// resourceVersion. When the server ends a watch that delivered events or stayed open for
/// <see cref="InformerOptions.RelistMaxDelay"/>, the informer watches again from the last revision it saw.
/// When a watch fails, reports 410 Gone or ends at once, the informer waits a jittered, capped exponential
/// delay and lists again. A relist calls the handlers only for objects that were added, changed (another
/// resourceVersion) or removed since the cache last saw them.
/// </para>
/// <para>
/// The failure count behind that delay resets once a watch delivers an event or stays open for
/// <see cref="InformerOptions.RelistMaxDelay"/>. Every <see cref="InformerOptions.ResyncPeriod"/> each
/// cached object goes to <see cref="IResourceEventHandler{T}.OnUpdate"/> again.
/// </para>
/// </remarks>
/// <typeparam name="T">Resource type of the kind.</typeparam>
internal sealed class Informer<T>
    where T : Resource
{
    private readonly IResourceClient<T> _client;
    private readonly InformerOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ExponentialBackoff _backoff;
    private readonly Random _random;
    private readonly ILogger _logger;
    private readonly ResourceCache<T> _cache = new();
    private readonly List<IResourceEventHandler<T>> _handlers = [];
    private readonly TaskCompletionSource _synced = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly string _kind = typeof(T).Name;
    private int _relistAttempt;
    private volatile int _consecutiveFailures;
    private volatile bool _running;

    public Informer(IResourceClient<T> client, InformerOptions options, TimeProvider timeProvider, Random random, ILogger<Informer<T>> logger)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(logger);
        options.Validate();

        _client = client;
        _options = options;
        _timeProvider = timeProvider;
        _backoff = new ExponentialBackoff(options.RelistBaseDelay, options.RelistMaxDelay, options.RelistJitter, random);
        _random = random;
        _logger = logger;
    }

    /// <summary>The local copy of the objects.</summary>
    public IResourceCache<T> Cache => _cache;

    /// <summary>Whether the first list has been stored in the cache and handed to the handlers.</summary>
    public bool HasSynced => _synced.Task.IsCompleted;

    /// <summary>Number of list or watch errors in a row, not counting 410 Gone or a watch the server closed; 0 when healthy.</summary>
    public int ConsecutiveFailures => _consecutiveFailures;

    /// <summary>Whether <see cref="RunAsync"/> is running.</summary>
    public bool IsRunning => _running;

    /// <summary>Adds a handler; call before <see cref="RunAsync"/>, because handlers added later miss earlier events.</summary>
    public void AddEventHandler(IResourceEventHandler<T> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        if (_running)
        {
            throw new InvalidOperationException($"The informer for {_kind} is running; add event handlers before RunAsync.");
        }

        _handlers.Add(handler);
    }

    /// <summary>Waits until <see cref="HasSynced"/> is true.</summary>
    public Task WaitForSyncAsync(CancellationToken cancellationToken) => _synced.Task.WaitAsync(cancellationToken);

    /// <summary>Lists and watches until <paramref name="cancellationToken"/> fires; returns then without throwing.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        _running = true;
        InformerLog.Starting(_logger, _kind, _options.Namespace ?? "(all)");
        var resync = _options.ResyncPeriod > TimeSpan.Zero ? RunResyncAsync(cancellationToken) : Task.CompletedTask;

        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await ListAndWatchAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            await resync.ConfigureAwait(false);
            _running = false;
            InformerLog.Stopped(_logger, _kind);
        }
    }

    private async Task ListAndWatchAsync(CancellationToken cancellationToken)
    {
        var revision = string.Empty;
        var healthy = false;
        Exception? failure = null;

        try
        {
            // List, then replace the cache, so the handlers learn what changed while no watch was open.
            var list = await _client.ListAsync(_options.Namespace, cancellationToken).ConfigureAwait(false);
            revision = list.ResourceVersion;
            InformerLog.Listed(_logger, list.Items.Count, _kind, revision);
            Replace(list.Items);
            _consecutiveFailures = 0;
            if (_synced.TrySetResult())
            {
                InformerLog.Synced(_logger, _kind, _cache.Count);
            }

            // Watch from the list's revision, so no change between list and watch is lost. A watch that the
            // server ends after delivering events or staying open long enough resumes from its last revision.
            while (true)
            {
                var watchStarted = _timeProvider.GetTimestamp();
                var delivered = false;
                await foreach (var watchEvent in _client.WatchAsync(_options.Namespace, revision, NextWatchTimeout(), cancellationToken).ConfigureAwait(false))
                {
                    Apply(watchEvent);
                    revision = watchEvent.Object.Metadata?.ResourceVersion ?? revision;
                    delivered = true;
                    healthy = true;
                }

                if (!delivered && _timeProvider.GetElapsedTime(watchStarted) < _options.RelistMaxDelay)
                {
                    break;
                }

                healthy = true;
                _relistAttempt = 0;
                InformerLog.WatchResumed(_logger, _kind, revision);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return;
        }
        catch (Exception exception)
        {
            failure = exception;
        }

        _relistAttempt = healthy ? 0 : _relistAttempt;
        var delay = _backoff.DelayFor(_relistAttempt);
        _relistAttempt++;
        _consecutiveFailures = failure is null or ApiStatusException { IsGone: true } ? 0 : _consecutiveFailures + 1;

        switch (failure)
        {
            case null:
                InformerLog.WatchClosed(_logger, _kind, revision, delay);
                break;
            case ApiStatusException { IsGone: true }:
                InformerLog.WatchExpired(_logger, _kind, revision, delay);
                break;
            default:
                InformerLog.ListWatchFailed(_logger, failure, _kind, _consecutiveFailures, delay);
                break;
        }

        try
        {
            await Task.Delay(delay, _timeProvider, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: RunAsync checks the token and returns.
        }
    }

    /// <summary>Returns the server-side watch timeout: <see cref="InformerOptions.WatchTimeout"/> times a random factor from 1 to 2, as client-go spreads its watches.</summary>
    private TimeSpan NextWatchTimeout()
    {
        double sample;
        lock (_random)
        {
            sample = _random.NextDouble();
        }

        return _options.WatchTimeout * (1 + sample);
    }

    private void Replace(IReadOnlyList<T> items)
    {
        var listed = new HashSet<ObjectKey>();
        foreach (var item in items)
        {
            listed.Add(ObjectKey.From(item));
            Store(item);
        }

        foreach (var key in _cache.ListKeys())
        {
            if (!listed.Contains(key) && _cache.Remove(key) is { } removed)
            {
                Notify("delete", key, handler => handler.OnDelete(removed));
            }
        }
    }

    private void Apply(WatchEvent<T> watchEvent)
    {
        switch (watchEvent.Type)
        {
            case WatchEventType.Added:
            case WatchEventType.Modified:
                Store(watchEvent.Object);
                break;
            case WatchEventType.Deleted:
                var key = ObjectKey.From(watchEvent.Object);
                _cache.Remove(key);
                Notify("delete", key, handler => handler.OnDelete(watchEvent.Object));
                break;
            case WatchEventType.Bookmark:
                break;
        }
    }

    private void Store(T resource)
    {
        var key = ObjectKey.From(resource);
        var previous = _cache.Upsert(resource);
        if (previous is null)
        {
            Notify("add", key, handler => handler.OnAdd(resource));
        }
        else if (previous.Metadata?.ResourceVersion != resource.Metadata?.ResourceVersion)
        {
            Notify("update", key, handler => handler.OnUpdate(previous, resource));
        }
    }

    private async Task RunResyncAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_options.ResyncPeriod, _timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                if (!HasSynced)
                {
                    continue;
                }

                var objects = _cache.List();
                foreach (var resource in objects)
                {
                    Notify("resync", ObjectKey.From(resource), handler => handler.OnUpdate(resource, resource));
                }

                InformerLog.Resynced(_logger, _kind, objects.Count);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private void Notify(string eventName, ObjectKey key, Action<IResourceEventHandler<T>> call)
    {
        foreach (var handler in _handlers)
        {
            try
            {
                call(handler);
            }
            catch (Exception exception)
            {
                InformerLog.HandlerFailed(_logger, exception, _kind, eventName, key);
            }
        }
    }
}
