namespace GbOperator.Controllers.Runtime;

/// <summary>Retry and rate settings of a controller's work queue.</summary>
/// <remarks>
/// A requeued key waits for the longer of its own exponential backoff and the shared token bucket. The
/// defaults are those of client-go's <c>DefaultControllerRateLimiter</c> (5 ms doubling to 1000 s,
/// 10 per second with a burst of 100), plus jitter.
/// </remarks>
public sealed record WorkQueueOptions
{
    /// <summary>Delay of a key's first retry, before jitter.</summary>
    /// <value>5 milliseconds.</value>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(5);

    /// <summary>Cap of a key's retry delay.</summary>
    /// <value>1000 seconds.</value>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(1000);

    /// <summary>Largest fraction, from 0 to 1, that random jitter removes from a retry delay.</summary>
    /// <value>0.2.</value>
    public double Jitter { get; init; } = 0.2;

    /// <summary>Requeues per second that the shared token bucket releases across all keys.</summary>
    /// <value>10.</value>
    public double RequeuesPerSecond { get; init; } = 10;

    /// <summary>Requeues that the shared token bucket releases at once before the rate applies.</summary>
    /// <value>100.</value>
    public int Burst { get; init; } = 100;

    /// <summary>Checks every value and throws <see cref="ArgumentOutOfRangeException"/> naming the first invalid one.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(BaseDelay, TimeSpan.Zero, nameof(BaseDelay));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxDelay, BaseDelay, nameof(MaxDelay));
        ArgumentOutOfRangeException.ThrowIfNegative(Jitter, nameof(Jitter));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Jitter, 1.0, nameof(Jitter));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(RequeuesPerSecond, 0, nameof(RequeuesPerSecond));
        ArgumentOutOfRangeException.ThrowIfLessThan(Burst, 1, nameof(Burst));
    }
}
