namespace GbOperator.Controllers.Runtime;

/// <summary>A token bucket shared by all keys: it bounds how many requeues per second the queue releases.</summary>
/// <remarks>
/// The bucket holds up to <c>burst</c> tokens and refills at <c>tokensPerSecond</c>. Each
/// <see cref="When"/> takes a token, borrowing against the future when none is left, and returns how long
/// the caller waits until its token exists. That is the reservation semantics of Go's
/// <c>golang.org/x/time/rate</c>, which client-go's bucket limiter uses.
/// </remarks>
/// <typeparam name="TKey">Key type of the queue; the bucket ignores it.</typeparam>
internal sealed class BucketRateLimiter<TKey> : IWorkQueueRateLimiter<TKey>
    where TKey : notnull
{
    private readonly double _tokensPerSecond;
    private readonly double _burst;
    private readonly TimeProvider _timeProvider;
    private readonly Lock _lock = new();
    private double _tokens;
    private long _lastTimestamp;

    /// <param name="tokensPerSecond">Refill rate; positive.</param>
    /// <param name="burst">Capacity of the bucket, and its content at start; at least 1.</param>
    /// <param name="timeProvider">Clock of the refill.</param>
    public BucketRateLimiter(double tokensPerSecond, int burst, TimeProvider timeProvider)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(tokensPerSecond, 0);
        ArgumentOutOfRangeException.ThrowIfLessThan(burst, 1);
        ArgumentNullException.ThrowIfNull(timeProvider);

        _tokensPerSecond = tokensPerSecond;
        _burst = burst;
        _timeProvider = timeProvider;
        _tokens = burst;
        _lastTimestamp = timeProvider.GetTimestamp();
    }

    public TimeSpan When(TKey key)
    {
        lock (_lock)
        {
            var now = _timeProvider.GetTimestamp();
            var elapsed = _timeProvider.GetElapsedTime(_lastTimestamp, now);
            _lastTimestamp = now;

            _tokens = Math.Min(_burst, _tokens + (elapsed.TotalSeconds * _tokensPerSecond));
            _tokens -= 1;

            return _tokens >= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(-_tokens / _tokensPerSecond);
        }
    }

    public void Forget(TKey key)
    {
    }

    public int NumRequeues(TKey key) => 0;
}
