using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GbOperator.Storage.Compaction;

/// <summary>
/// Compacts an <see cref="IResourceStore"/> at a fixed interval so that its history stays bounded by a
/// revision count, a time window or both.
/// </summary>
/// <remarks>
/// Each run reads the current revision and remembers it with the time. The target revision keeps the last
/// <see cref="StoreCompactorOptions.RetainedRevisions"/> revisions and every revision sampled within
/// <see cref="StoreCompactorOptions.RetentionWindow"/>. Several servers may run a compactor against one
/// store, because a compaction at or below the current point changes nothing.
/// </remarks>
public sealed class StoreCompactor
{
    private readonly IResourceStore _store;
    private readonly StoreCompactorOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<StoreCompactor> _logger;
    private readonly Queue<(DateTimeOffset Time, long Revision)> _samples = new();
    private readonly Lock _gate = new();
    private DateTimeOffset? _lastSuccess;
    private Exception? _lastError;

    /// <summary>Creates a compactor for <paramref name="store"/>.</summary>
    /// <param name="store">Store to compact; the caller keeps ownership.</param>
    /// <param name="options">Settings, or <c>null</c> for the defaults.</param>
    /// <param name="timeProvider">Clock for sampling and waiting, or <c>null</c> for <see cref="TimeProvider.System"/>.</param>
    /// <param name="logger">Logger, or <c>null</c> to log nothing.</param>
    /// <exception cref="ArgumentException"><paramref name="options"/> has an out-of-range setting.</exception>
    public StoreCompactor(IResourceStore store, StoreCompactorOptions? options = null, TimeProvider? timeProvider = null, ILogger<StoreCompactor>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
        _options = options ?? new StoreCompactorOptions();
        _options.Validate();
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger<StoreCompactor>.Instance;
    }

    /// <summary>Time of the last run that succeeded, or <c>null</c> before the first one.</summary>
    public DateTimeOffset? LastSuccess
    {
        get
        {
            lock (_gate)
            {
                return _lastSuccess;
            }
        }
    }

    /// <summary>Error of the last run if it failed, or <c>null</c> when it succeeded; for health checks.</summary>
    public Exception? LastError
    {
        get
        {
            lock (_gate)
            {
                return _lastError;
            }
        }
    }

    /// <summary>Runs <see cref="CompactOnceAsync"/> now and then every interval until <paramref name="cancellationToken"/> fires.</summary>
    /// <remarks>A failed run is logged and recorded in <see cref="LastError"/>, and the loop goes on. The
    /// returned task completes, without an exception, when <paramref name="cancellationToken"/> fires.</remarks>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        StoreCompactorLog.Started(_logger, _options.Interval, _options.RetainedRevisions, _options.RetentionWindow);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await CompactOnceAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                lock (_gate)
                {
                    _lastError = ex;
                }

                StoreCompactorLog.Failed(_logger, ex, _options.Interval);
            }

            try
            {
                await Task.Delay(_options.Interval, _timeProvider, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
        }

        StoreCompactorLog.Stopped(_logger);
    }

    /// <summary>Samples the current revision and compacts the store to the oldest revision the settings still let go.</summary>
    /// <returns>The revision compacted to, or <c>null</c> when the history is not longer than the settings keep.</returns>
    public async Task<long?> CompactOnceAsync(CancellationToken cancellationToken)
    {
        long current = await _store.GetCurrentRevisionAsync(cancellationToken);
        DateTimeOffset now = _timeProvider.GetUtcNow();
        long target = ChooseTarget(now, current);

        long? compactedTo = null;
        if (target > 0 && target > await _store.GetCompactedRevisionAsync(cancellationToken))
        {
            StoreCompactorLog.Compacting(_logger, target, current);
            await _store.CompactAsync(target, cancellationToken);
            compactedTo = target;
        }

        lock (_gate)
        {
            _lastSuccess = now;
            _lastError = null;
        }

        return compactedTo;
    }

    /// <summary>Records the sample and returns the highest revision whose history may go, or 0 for none.</summary>
    private long ChooseTarget(DateTimeOffset now, long current)
    {
        lock (_gate)
        {
            _samples.Enqueue((now, current));

            long byCount = _options.RetainedRevisions is { } retained ? current - retained : long.MaxValue;
            long byTime = long.MaxValue;
            if (_options.RetentionWindow is { } window)
            {
                // The newest sample taken at or before the window start; older samples are no longer needed.
                DateTimeOffset windowStart = now - window;
                byTime = 0;
                while (_samples.TryPeek(out (DateTimeOffset Time, long Revision) oldest) && oldest.Time <= windowStart)
                {
                    byTime = oldest.Revision;
                    if (_samples.Count > 1 && _samples.ElementAt(1).Time <= windowStart)
                    {
                        _samples.Dequeue();
                        continue;
                    }

                    break;
                }
            }
            else
            {
                _samples.Clear();
            }

            return Math.Clamp(Math.Min(byCount, byTime), 0, current);
        }
    }
}
