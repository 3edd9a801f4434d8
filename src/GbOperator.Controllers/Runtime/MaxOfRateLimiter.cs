namespace GbOperator.Controllers.Runtime;

/// <summary>Combines limiters: a key waits for the longest delay any of them returns.</summary>
/// <typeparam name="TKey">Key type of the queue.</typeparam>
internal sealed class MaxOfRateLimiter<TKey> : IWorkQueueRateLimiter<TKey>
    where TKey : notnull
{
    private readonly IReadOnlyList<IWorkQueueRateLimiter<TKey>> _limiters;

    public MaxOfRateLimiter(params IReadOnlyList<IWorkQueueRateLimiter<TKey>> limiters)
    {
        ArgumentOutOfRangeException.ThrowIfZero(limiters.Count);
        _limiters = limiters;
    }

    public TimeSpan When(TKey key)
    {
        var delay = TimeSpan.Zero;
        foreach (var limiter in _limiters)
        {
            var candidate = limiter.When(key);
            if (candidate > delay)
            {
                delay = candidate;
            }
        }

        return delay;
    }

    public void Forget(TKey key)
    {
        foreach (var limiter in _limiters)
        {
            limiter.Forget(key);
        }
    }

    public int NumRequeues(TKey key) => _limiters.Max(limiter => limiter.NumRequeues(key));
}
