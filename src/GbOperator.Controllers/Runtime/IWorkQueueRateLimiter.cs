namespace GbOperator.Controllers.Runtime;

/// <summary>Decides how long a key waits before it is added to a work queue again.</summary>
/// <typeparam name="TKey">Key type of the queue.</typeparam>
internal interface IWorkQueueRateLimiter<TKey>
    where TKey : notnull
{
    /// <summary>Records one more requeue of <paramref name="key"/> and returns how long it waits.</summary>
    TimeSpan When(TKey key);

    /// <summary>Drops what the limiter remembers about <paramref name="key"/>, so its next delay starts from the base again.</summary>
    void Forget(TKey key);

    /// <summary>Returns how often <paramref name="key"/> was requeued since it was last forgotten.</summary>
    int NumRequeues(TKey key);
}
