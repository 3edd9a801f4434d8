namespace GbOperator.Controllers.Runtime;

/// <summary>Per-key exponential backoff: each requeue of a key without a <see cref="Forget"/> doubles its delay, up to a cap.</summary>
/// <typeparam name="TKey">Key type of the queue.</typeparam>
internal sealed class ItemExponentialRateLimiter<TKey> : IWorkQueueRateLimiter<TKey>
    where TKey : notnull
{
    private readonly ExponentialBackoff _backoff;
    private readonly Dictionary<TKey, int> _failures = [];
    private readonly Lock _lock = new();

    public ItemExponentialRateLimiter(ExponentialBackoff backoff)
    {
        ArgumentNullException.ThrowIfNull(backoff);
        _backoff = backoff;
    }

    public TimeSpan When(TKey key)
    {
        int attempt;
        lock (_lock)
        {
            attempt = _failures.GetValueOrDefault(key);
            _failures[key] = attempt + 1;
        }

        return _backoff.DelayFor(attempt);
    }

    public void Forget(TKey key)
    {
        lock (_lock)
        {
            _failures.Remove(key);
        }
    }

    public int NumRequeues(TKey key)
    {
        lock (_lock)
        {
            return _failures.GetValueOrDefault(key);
        }
    }
}
