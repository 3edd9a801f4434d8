namespace GbOperator.Infrastructure.Resilience;

/// <summary>Settings of the resilience pipeline that every LXD and Caddy client call runs through.</summary>
/// <remarks>
/// The pipeline is, from outside in: retry, circuit breaker, per-attempt timeout. Only transient failures
/// (connection refused or reset, an attempt that timed out, a 5xx status the client marks as transient) are
/// retried, and a non-idempotent request is retried only when it was never sent.
/// </remarks>
public sealed record ClientResilienceOptions
{
    /// <summary>Deadline of one attempt of one HTTP request.</summary>
    /// <value>30 seconds. It must exceed the LXD operation wait slice, which is one request.</value>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries after the first attempt; 0 turns retrying off.</summary>
    /// <value>3.</value>
    public int MaxRetryAttempts { get; init; } = 3;

    /// <summary>Median delay before the first retry; later retries double it, with jitter.</summary>
    /// <value>200 milliseconds.</value>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Upper bound of one retry delay.</summary>
    /// <value>5 seconds.</value>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Share of failed calls within <see cref="BreakerSamplingDuration"/> that opens the circuit.</summary>
    /// <value>0.5.</value>
    public double BreakerFailureRatio { get; init; } = 0.5;

    /// <summary>Window over which the circuit breaker counts failures.</summary>
    /// <value>30 seconds.</value>
    public TimeSpan BreakerSamplingDuration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Calls needed within the sampling window before the breaker may open.</summary>
    /// <value>10.</value>
    public int BreakerMinimumThroughput { get; init; } = 10;

    /// <summary>Time the circuit stays open, failing calls at once, before one trial call is let through.</summary>
    /// <value>15 seconds.</value>
    public TimeSpan BreakDuration { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> when a setting is outside the range Polly accepts.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(AttemptTimeout, TimeSpan.Zero, nameof(AttemptTimeout));
        ArgumentOutOfRangeException.ThrowIfNegative(MaxRetryAttempts, nameof(MaxRetryAttempts));
        ArgumentOutOfRangeException.ThrowIfLessThan(BaseDelay, TimeSpan.Zero, nameof(BaseDelay));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxDelay, BaseDelay, nameof(MaxDelay));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(BreakerFailureRatio, 0.0, nameof(BreakerFailureRatio));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(BreakerFailureRatio, 1.0, nameof(BreakerFailureRatio));
        ArgumentOutOfRangeException.ThrowIfLessThan(BreakerSamplingDuration, TimeSpan.FromMilliseconds(500), nameof(BreakerSamplingDuration));
        ArgumentOutOfRangeException.ThrowIfLessThan(BreakerMinimumThroughput, 2, nameof(BreakerMinimumThroughput));
        ArgumentOutOfRangeException.ThrowIfLessThan(BreakDuration, TimeSpan.FromMilliseconds(500), nameof(BreakDuration));
    }
}
