using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace GbOperator.Infrastructure.Resilience;

/// <summary>
/// The resilience pipeline in front of one failover backend (Patroni or the Sentinels): a circuit breaker and a
/// per-call timeout. It does not retry, because the FailoverPolicy controller polls again on its own schedule.
/// </summary>
/// <remarks>
/// Polly's breaker counts failures over a sampling window. With a failure ratio of 1 and a minimum throughput of
/// <see cref="BreakerSettings.Threshold"/>, it opens once that many calls failed and none succeeded within the
/// window, which is the policy's "consecutive failures". NOTE: Polly 8 needs a minimum throughput of 2, so a
/// threshold of 1 opens after two failures, and a half-open circuit lets one trial call through whatever
/// <see cref="BreakerSettings.HalfOpenRequests"/> requests.
/// </remarks>
public sealed class BackendPipeline
{
    private readonly ResiliencePipeline _pipeline;
    private readonly CircuitBreakerStateProvider _state = new();
    private readonly ILogger _logger;
    private readonly string _target;

    /// <param name="target">Name of the backend in log lines, such as <c>Patroni gbo-pg</c>.</param>
    /// <param name="isRejection">
    /// Returns true for exceptions that mean the backend responded and rejected the request, which do not count as failures.
    /// </param>
    public BackendPipeline(string target, BreakerSettings settings, TimeProvider timeProvider, ILogger logger, Func<Exception, bool>? isRejection = null)
    {
        settings.Validate();
        Settings = settings;
        _target = target;
        _logger = logger;
        _pipeline = new ResiliencePipelineBuilder { TimeProvider = timeProvider }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                FailureRatio = 1.0,
                MinimumThroughput = Math.Max(2, settings.Threshold),
                SamplingDuration = settings.BreakDuration > TimeSpan.FromSeconds(30) ? settings.BreakDuration : TimeSpan.FromSeconds(30),
                BreakDuration = settings.BreakDuration,
                StateProvider = _state,
                ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Exception is { } exception && IsBackendFailure(exception) && isRejection?.Invoke(exception) != true),
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
            .AddTimeout(settings.AttemptTimeout)
            .Build();
    }

    /// <summary>The settings the pipeline was built from.</summary>
    public BreakerSettings Settings { get; }

    /// <summary>Current state of the circuit.</summary>
    public BreakerState State => _state.CircuitState switch
    {
        CircuitState.Closed => BreakerState.Closed,
        CircuitState.HalfOpen => BreakerState.HalfOpen,
        _ => BreakerState.Open,
    };

    /// <summary>
    /// Runs <paramref name="action"/> through the breaker and the timeout. Throws <see cref="BrokenCircuitException"/>
    /// at once while the circuit is open, and <see cref="TimeoutRejectedException"/> when the call timed out.
    /// </summary>
    public ValueTask<T> ExecuteAsync<T>(Func<CancellationToken, ValueTask<T>> action, CancellationToken cancellationToken) =>
        _pipeline.ExecuteAsync(action, cancellationToken);

    /// <summary>Every failure except a cancellation counts against the backend; a timed-out call arrives as <see cref="TimeoutRejectedException"/>.</summary>
    private static bool IsBackendFailure(Exception exception) => exception is not OperationCanceledException;
}
