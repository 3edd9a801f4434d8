namespace GbOperator.Controllers.Runtime;

/// <summary>
/// A de-duplicating, rate-limited work queue with the semantics of client-go's <c>workqueue</c>.
/// </summary>
/// <remarks>
/// <para>
/// A key is at most once in the queue. A key that a worker holds (between <see cref="GetAsync"/> and
/// <see cref="Done"/>) is never handed to a second worker: adding it again marks it dirty, and
/// <see cref="Done"/> puts it back in the queue, so it is processed once more after the current pass.
/// </para>
/// <para>
/// <see cref="AddAfter"/> waits on the injected <see cref="TimeProvider"/>; when the same key waits
/// twice, the earlier time wins. After <see cref="ShutDown"/> the queue accepts no key and
/// <see cref="GetAsync"/> hands out none, so keys still queued are dropped: a level-triggered controller
/// finds them again when it lists at its next start.
/// </para>
/// </remarks>
/// <typeparam name="TKey">Key type, compared with its default equality.</typeparam>
internal sealed class WorkQueue<TKey> : IDisposable
    where TKey : notnull
{
    private readonly IWorkQueueRateLimiter<TKey> _rateLimiter;
    private readonly TimeProvider _timeProvider;
    private readonly Lock _lock = new();
    private readonly LinkedList<TKey> _queue = new();
    private readonly HashSet<TKey> _dirty = [];
    private readonly HashSet<TKey> _processing = [];
    private readonly Dictionary<TKey, DelayedKey> _waiting = [];
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _shuttingDown;

    public WorkQueue(IWorkQueueRateLimiter<TKey> rateLimiter, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(rateLimiter);
        ArgumentNullException.ThrowIfNull(timeProvider);

        _rateLimiter = rateLimiter;
        _timeProvider = timeProvider;
    }

    /// <summary>Number of keys waiting to be handed out, not counting keys held by workers or waiting on a delay.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _queue.Count;
            }
        }
    }

    /// <summary>Number of keys that workers hold between <see cref="GetAsync"/> and <see cref="Done"/>.</summary>
    public int ProcessingCount
    {
        get
        {
            lock (_lock)
            {
                return _processing.Count;
            }
        }
    }

    /// <summary>Whether <see cref="ShutDown"/> or <see cref="ShutDownWithDrainAsync"/> was called.</summary>
    public bool IsShuttingDown
    {
        get
        {
            lock (_lock)
            {
                return _shuttingDown;
            }
        }
    }

    /// <summary>Adds <paramref name="key"/> unless it is already queued; ignored after shutdown.</summary>
    public void Add(TKey key)
    {
        lock (_lock)
        {
            AddLocked(key);
        }
    }

    /// <summary>Adds <paramref name="key"/> after <paramref name="delay"/>, or now when the delay is not positive.</summary>
    public void AddAfter(TKey key, TimeSpan delay)
    {
        if (delay <= TimeSpan.Zero)
        {
            Add(key);
            return;
        }

        lock (_lock)
        {
            if (_shuttingDown)
            {
                return;
            }

            var readyAt = _timeProvider.GetUtcNow() + delay;
            if (_waiting.TryGetValue(key, out var existing))
            {
                if (existing.ReadyAt <= readyAt)
                {
                    return;
                }

                existing.Timer?.Dispose();
            }

            // The entry is stored before its timer exists, so a callback that fires at once still finds it.
            var entry = new DelayedKey(key, readyAt);
            _waiting[key] = entry;
            entry.Timer = _timeProvider.CreateTimer(OnDelayElapsed, entry, delay, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Adds <paramref name="key"/> after the delay the rate limiter assigns to its next retry.</summary>
    /// <returns>The delay that was applied.</returns>
    public TimeSpan AddRateLimited(TKey key)
    {
        var delay = _rateLimiter.When(key);
        AddAfter(key, delay);
        return delay;
    }

    /// <summary>Resets the retry count of <paramref name="key"/>, so its next backoff starts from the base delay.</summary>
    public void Forget(TKey key) => _rateLimiter.Forget(key);

    /// <summary>Returns how often <paramref name="key"/> was requeued with <see cref="AddRateLimited"/> since it was last forgotten.</summary>
    public int NumRequeues(TKey key) => _rateLimiter.NumRequeues(key);

    /// <summary>
    /// Waits for a key and marks it as processing; the caller must call <see cref="Done"/> with it.
    /// </summary>
    /// <returns>The key, or <c>ShutDown = true</c> when the queue is shutting down.</returns>
    public async ValueTask<(TKey Key, bool ShutDown)> GetAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Task changed;
            lock (_lock)
            {
                if (_shuttingDown)
                {
                    return (default!, true);
                }

                if (_queue.First is { } first)
                {
                    _queue.RemoveFirst();
                    _processing.Add(first.Value);
                    _dirty.Remove(first.Value);
                    return (first.Value, false);
                }

                changed = _changed.Task;
            }

            await changed.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Marks <paramref name="key"/> as no longer processing; if it was added meanwhile, it is queued again.</summary>
    public void Done(TKey key)
    {
        lock (_lock)
        {
            _processing.Remove(key);
            if (_dirty.Contains(key) && !_shuttingDown)
            {
                _queue.AddLast(key);
                SignalLocked();
            }

            if (_shuttingDown && _processing.Count == 0)
            {
                _drained.TrySetResult();
            }
        }
    }

    /// <summary>Stops the queue: no key is accepted or handed out any more, and waiting <see cref="GetAsync"/> calls return.</summary>
    public void ShutDown()
    {
        lock (_lock)
        {
            if (_shuttingDown)
            {
                return;
            }

            _shuttingDown = true;
            _queue.Clear();
            _dirty.Clear();
            foreach (var delayed in _waiting.Values)
            {
                delayed.Timer?.Dispose();
            }

            _waiting.Clear();
            if (_processing.Count == 0)
            {
                _drained.TrySetResult();
            }

            SignalLocked();
        }
    }

    /// <summary>Shuts the queue down and waits until every key handed out has been marked <see cref="Done"/>.</summary>
    public Task ShutDownWithDrainAsync(CancellationToken cancellationToken)
    {
        ShutDown();
        return _drained.Task.WaitAsync(cancellationToken);
    }

    public void Dispose() => ShutDown();

    private void OnDelayElapsed(object? state)
    {
        var entry = (DelayedKey)state!;
        lock (_lock)
        {
            // A timer that was replaced by an earlier one may still fire once; only the current entry counts.
            if (!_waiting.TryGetValue(entry.Key, out var current) || !ReferenceEquals(current, entry))
            {
                return;
            }

            _waiting.Remove(entry.Key);
            entry.Timer?.Dispose();
            AddLocked(entry.Key);
        }
    }

    private void AddLocked(TKey key)
    {
        if (_shuttingDown || !_dirty.Add(key))
        {
            return;
        }

        if (_processing.Contains(key))
        {
            // Done puts the key back in the queue, so two workers never hold one key.
            return;
        }

        _queue.AddLast(key);
        SignalLocked();
    }

    private void SignalLocked()
    {
        var changed = _changed;
        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        changed.TrySetResult();
    }

    private sealed class DelayedKey(TKey key, DateTimeOffset readyAt)
    {
        public TKey Key { get; } = key;

        public DateTimeOffset ReadyAt { get; } = readyAt;

        public ITimer? Timer { get; set; }
    }
}
