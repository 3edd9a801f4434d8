using GbOperator.Resources;
using Microsoft.Extensions.Logging;

namespace GbOperator.Controllers.Runtime;

/// <summary>
/// Runs an <see cref="IReconciler{T}"/> on the keys of one kind: an informer enqueues every change, and
/// <see cref="ControllerOptions.Workers"/> workers take keys from a de-duplicating, rate-limited queue.
/// </summary>
/// <remarks>
/// Workers start after the first list of the informer and of every related watch, so the first passes see full
/// caches. The queue owns every retry and its backoff; <see cref="IReconciler{T}"/> documents what each outcome does.
/// </remarks>
/// <typeparam name="T">Resource type of the kind.</typeparam>
internal sealed class Controller<T> : IController<T>
    where T : Resource
{
    private readonly IReconciler<T> _reconciler;
    private readonly ControllerOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly IControllerMetrics? _metrics;
    private readonly Informer<T> _informer;
    private readonly WorkQueue<ObjectKey> _queue;
    private readonly List<IRelatedWatch> _relatedWatches = [];
    private readonly Random _random;
    private readonly ILoggerFactory _loggerFactory;
    private readonly CancellationTokenSource _stopping = new();
    private readonly CancellationTokenSource _abort = new();
    private readonly string _kind = typeof(T).Name;
    private Task _informerLoop = Task.CompletedTask;
    private Task _relatedLoops = Task.CompletedTask;
    private Task _workerLoops = Task.CompletedTask;
    private volatile string? _faultedLoop;
    private int _started;
    private volatile bool _running;

    public Controller(
        IResourceClient<T> client,
        IReconciler<T> reconciler,
        ControllerOptions options,
        TimeProvider timeProvider,
        Random random,
        ILoggerFactory loggerFactory,
        IControllerMetrics? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(reconciler);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        options.Validate();

        _reconciler = reconciler;
        _options = options;
        _timeProvider = timeProvider;
        _metrics = metrics;
        _random = random;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<Controller<T>>();
        Name = options.Name ?? _kind;

        var queueOptions = options.Queue;
        var backoff = new ExponentialBackoff(queueOptions.BaseDelay, queueOptions.MaxDelay, queueOptions.Jitter, random);
        var rateLimiter = new MaxOfRateLimiter<ObjectKey>(
            new ItemExponentialRateLimiter<ObjectKey>(backoff),
            new BucketRateLimiter<ObjectKey>(queueOptions.RequeuesPerSecond, queueOptions.Burst, timeProvider));
        _queue = new WorkQueue<ObjectKey>(rateLimiter, timeProvider);

        _informer = new Informer<T>(client, options.Informer, timeProvider, random, loggerFactory.CreateLogger<Informer<T>>());
        _informer.AddEventHandler(new QueueEventHandler<T>(_queue));
    }

    public string Name { get; }

    public IResourceCache<T> Cache => _informer.Cache;

    public void Enqueue(ObjectKey key) => _queue.Add(key);

    public ControllerHealth GetHealth() => new(
        Name,
        _running,
        _informer.HasSynced && _relatedWatches.All(watch => watch.HasSynced),
        _faultedLoop,
        _informer.ConsecutiveFailures + _relatedWatches.Sum(watch => watch.ConsecutiveFailures),
        _queue.Count,
        _queue.ProcessingCount);

    public async Task WaitForSyncAsync(CancellationToken cancellationToken)
    {
        await _informer.WaitForSyncAsync(cancellationToken).ConfigureAwait(false);
        foreach (var watch in _relatedWatches)
        {
            await watch.WaitForSyncAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public void WatchRelated<TSource>(IResourceClient<TSource> client, Func<TSource, IEnumerable<ObjectKey>> map, InformerOptions? options = null)
        where TSource : Resource
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(map);
        if (Volatile.Read(ref _started) == 1)
        {
            throw new InvalidOperationException($"Controller {Name} is started; add related watches before StartAsync.");
        }

        _relatedWatches.Add(new RelatedWatch<TSource>(
            client, map, _queue, options ?? _options.Informer, _timeProvider, _random, _loggerFactory));
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _started, 1) == 1)
        {
            throw new InvalidOperationException($"Controller {Name} was started before; create a new controller to run it again.");
        }

        ControllerLog.Starting(_logger, Name, _options.Workers);
        _running = true;
        _informerLoop = RunGuardedAsync("informer", () => _informer.RunAsync(_stopping.Token));
        _relatedLoops = Task.WhenAll(_relatedWatches.Select(watch =>
            RunGuardedAsync($"informer of {watch.Kind}", () => watch.RunAsync(_stopping.Token))));
        _workerLoops = RunGuardedAsync("workers", () => RunWorkersAsync(_stopping.Token));
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _started) == 0 || _stopping.IsCancellationRequested)
        {
            return;
        }

        ControllerLog.Stopping(_logger, Name, _queue.ProcessingCount);
        await _stopping.CancelAsync().ConfigureAwait(false);

        try
        {
            await _queue.ShutDownWithDrainAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            ControllerLog.DrainTimedOut(_logger, Name);
            await _abort.CancelAsync().ConfigureAwait(false);
        }

        // NOTE: a reconciler that ignores its cancellation token keeps StopAsync waiting here.
        await Task.WhenAll(_informerLoop, _relatedLoops, _workerLoops).ConfigureAwait(false);
        _running = false;
        ControllerLog.Stopped(_logger, Name);
    }

    public void Dispose()
    {
        _queue.Dispose();
        _stopping.Dispose();
        _abort.Dispose();
    }

    private async Task RunGuardedAsync(string loop, Func<Task> body)
    {
        try
        {
            await Task.Run(body).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Stopping.
        }
        catch (Exception exception)
        {
            _faultedLoop = loop;
            ControllerLog.LoopFaulted(_logger, exception, loop, Name);
        }
    }

    private async Task RunWorkersAsync(CancellationToken stoppingToken)
    {
        await WaitForSyncAsync(stoppingToken).ConfigureAwait(false);
        ControllerLog.WorkersStarted(_logger, Name);

        var workers = new Task[_options.Workers];
        for (var i = 0; i < workers.Length; i++)
        {
            workers[i] = RunWorkerAsync();
        }

        await Task.WhenAll(workers).ConfigureAwait(false);
    }

    private async Task RunWorkerAsync()
    {
        // The queue's shutdown, not a token, ends the loop, so a worker finishes the key it holds.
        while (true)
        {
            var (key, shutDown) = await _queue.GetAsync(CancellationToken.None).ConfigureAwait(false);
            if (shutDown)
            {
                return;
            }

            try
            {
                await ReconcileKeyAsync(key, _abort.Token).ConfigureAwait(false);
            }
            finally
            {
                _queue.Done(key);
            }
        }
    }

    private async Task ReconcileKeyAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        var resource = _informer.Cache.Get(key);
        var reconcileId = Guid.CreateVersion7(_timeProvider.GetUtcNow()).ToString("N");
        using var scope = _logger.BeginScope(new Dictionary<string, object?>
        {
            ["Kind"] = _kind,
            ["Namespace"] = key.Namespace,
            ["Name"] = key.Name,
            ["ResourceVersion"] = resource?.Metadata?.ResourceVersion,
            ["ReconcileId"] = reconcileId,
        });
        var started = _timeProvider.GetTimestamp();

        ReconcileResult result;
        try
        {
            result = await InvokeReconcilerAsync(key, resource, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            ControllerLog.Cancelled(_logger, key);
            return;
        }
        catch (Exception exception)
        {
            _metrics?.ReconcileFinished(Name, ReconcileOutcome.Error, _timeProvider.GetElapsedTime(started));
            RetryOrGiveUp(key, exception, error: null);
            return;
        }

        var elapsed = _timeProvider.GetElapsedTime(started);
        _metrics?.ReconcileFinished(Name, OutcomeOf(result), elapsed);
        HandleResult(key, result, elapsed);
    }

    private Task<ReconcileResult> InvokeReconcilerAsync(ObjectKey key, T? resource, CancellationToken cancellationToken)
    {
        if (resource is null)
        {
            return _reconciler.DeletedAsync(key, cancellationToken);
        }

        if (resource.Metadata?.DeletionTimestamp is not null)
        {
            return _reconciler.FinalizeAsync(resource, cancellationToken);
        }

        return _reconciler.ReconcileAsync(resource, cancellationToken);
    }

    private static string OutcomeOf(ReconcileResult result)
    {
        if (!result.IsFailure)
        {
            return ReconcileOutcome.Success;
        }

        return result.IsTerminal ? ReconcileOutcome.TerminalError : ReconcileOutcome.Error;
    }

    private void HandleResult(ObjectKey key, ReconcileResult result, TimeSpan elapsed)
    {
        if (result.IsFailure && !result.IsTerminal)
        {
            RetryOrGiveUp(key, exception: null, result.Error);
            return;
        }

        _queue.Forget(key);

        if (result.IsFailure)
        {
            ControllerLog.TerminalFailure(_logger, key, result.Error);
            return;
        }

        if (result.IsRequeue)
        {
            _queue.AddAfter(key, result.RequeueDelay.Value);
            ControllerLog.Requeued(_logger, key, elapsed, result.RequeueDelay.Value);
            return;
        }

        ControllerLog.Reconciled(_logger, key, elapsed);
    }

    private void RetryOrGiveUp(ObjectKey key, Exception? exception, string? error)
    {
        var attempt = _queue.NumRequeues(key) + 1;
        if (attempt > _options.MaxRetries)
        {
            _queue.Forget(key);
            if (exception is not null)
            {
                ControllerLog.GaveUpAfterException(_logger, exception, key, _options.MaxRetries);
            }
            else
            {
                ControllerLog.GaveUpAfterFailure(_logger, key, error ?? string.Empty, _options.MaxRetries);
            }

            return;
        }

        var delay = _queue.AddRateLimited(key);
        if (exception is not null)
        {
            ControllerLog.RetryingAfterException(_logger, exception, key, attempt, _options.MaxRetries, delay);
        }
        else
        {
            ControllerLog.RetryingAfterFailure(_logger, key, error ?? string.Empty, attempt, _options.MaxRetries, delay);
        }
    }
}
