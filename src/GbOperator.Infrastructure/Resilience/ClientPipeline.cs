using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace GbOperator.Infrastructure.Resilience;

/// <summary>
/// The resilience pipeline of one client, such as the LXD socket or the Caddy admin API. It runs a retry with
/// jittered exponential backoff, a circuit breaker and a per-attempt timeout. Each retry is logged at Warning
/// and the give-up at Error.
/// </summary>
internal sealed class ClientPipeline
{
    private static readonly ResiliencePropertyKey<ClientCall> CallKey = new("gbo.call");

    private readonly ResiliencePipeline _pipeline;
    private readonly ILogger _logger;
    private readonly string _target;
    private readonly int _maxAttempts;

    /// <param name="target">Name of the server in log lines, such as <c>LXD</c> or <c>Caddy</c>.</param>
    /// <param name="randomizer">Source of jitter in [0, 1); null uses Polly's own.</param>
    public ClientPipeline(
        string target, ClientResilienceOptions options, TimeProvider timeProvider, ILogger logger, Func<double>? randomizer = null)
    {
        options.Validate();
        _target = target;
        _logger = logger;
        _maxAttempts = options.MaxRetryAttempts + 1;

        var retry = new RetryStrategyOptions
        {
            MaxRetryAttempts = Math.Max(1, options.MaxRetryAttempts),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = options.BaseDelay,
            MaxDelay = options.MaxDelay,
            ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome.Exception, args.Context)),
            OnRetry = args =>
            {
                ClientCall call = GetCall(args.Context);
                ResilienceLog.Retrying(
                    _logger, args.Outcome.Exception, _target, call.Operation, call.Resource, args.AttemptNumber + 1, _maxAttempts, args.RetryDelay);
                return ValueTask.CompletedTask;
            },
        };
        if (randomizer is not null)
        {
            retry.Randomizer = randomizer;
        }

        var builder = new ResiliencePipelineBuilder { TimeProvider = timeProvider };
        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(retry);
        }

        _pipeline = builder
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                FailureRatio = options.BreakerFailureRatio,
                SamplingDuration = options.BreakerSamplingDuration,
                MinimumThroughput = options.BreakerMinimumThroughput,
                BreakDuration = options.BreakDuration,
                ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Exception is { } exception && RequestFailureClassifier.IsTransient(exception, idempotent: true)),
                OnOpened = args =>
                {
                    ResilienceLog.CircuitOpened(_logger, args.Outcome.Exception, _target, args.BreakDuration);
                    return ValueTask.CompletedTask;
                },
                OnClosed = _ =>
                {
                    ResilienceLog.CircuitClosed(_logger, _target);
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(options.AttemptTimeout)
            .Build();
    }

    /// <summary>
    /// Runs <paramref name="action"/> through the pipeline. A transient failure, an open circuit or a timed-out
    /// last attempt is logged at Error and rethrown, and the caller maps it to its own exception.
    /// </summary>
    public async Task<T> ExecuteAsync<T>(ClientCall call, Func<CancellationToken, ValueTask<T>> action, CancellationToken cancellationToken)
    {
        ResilienceContext context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(CallKey, call);
        int attempts = 0;
        try
        {
            return await _pipeline.ExecuteAsync(
                async (innerContext, state) =>
                {
                    attempts++;
                    return await state(innerContext.CancellationToken);
                },
                context,
                action);
        }
        catch (Exception exception) when (IsGiveUp(exception, call, cancellationToken))
        {
            ResilienceLog.GaveUp(_logger, exception, _target, call.Operation, call.Resource, attempts);
            throw;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private static ClientCall GetCall(ResilienceContext context) =>
        context.Properties.TryGetValue(CallKey, out ClientCall? call) ? call : new ClientCall("request", "-", Idempotent: false);

    private static bool ShouldRetry(Exception? exception, ResilienceContext context) =>
        exception is not null && RequestFailureClassifier.IsTransient(exception, GetCall(context).Idempotent);

    private static bool IsGiveUp(Exception exception, ClientCall call, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && cancellationToken.IsCancellationRequested)
        {
            return false;
        }

        return exception is BrokenCircuitException or TimeoutRejectedException
            || RequestFailureClassifier.IsTransient(exception, call.Idempotent)
            || RequestFailureClassifier.IsTransient(exception, idempotent: true);
    }
}
