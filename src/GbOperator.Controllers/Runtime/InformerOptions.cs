namespace GbOperator.Controllers.Runtime;

/// <summary>Settings of an informer: scope, resync period and relist backoff.</summary>
public sealed record InformerOptions
{
    /// <summary>Namespace to list and watch, or <c>null</c> for all namespaces.</summary>
    /// <value><c>null</c>.</value>
    public string? Namespace { get; init; }

    /// <summary>
    /// Period after which every cached key is handed to the handlers again, so a reconcile that missed a
    /// change outside the API server (a container that stopped) still runs; <see cref="TimeSpan.Zero"/> turns
    /// resync off.
    /// </summary>
    /// <value>10 minutes.</value>
    public TimeSpan ResyncPeriod { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Shortest server-side timeout of a watch. Each watch requests this value times a random factor from
    /// 1 to 2, so a connection that died without notice is replaced within twice this period.
    /// </summary>
    /// <value>5 minutes, client-go's minimum watch timeout.</value>
    public TimeSpan WatchTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Delay before the first relist after a failed list or watch, before jitter.</summary>
    /// <value>200 milliseconds.</value>
    public TimeSpan RelistBaseDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Cap of the relist delay after consecutive failures.</summary>
    /// <value>30 seconds.</value>
    public TimeSpan RelistMaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Largest fraction, from 0 to 1, that random jitter removes from a relist delay.</summary>
    /// <value>0.5, so informers that lost the same server do not relist in step.</value>
    public double RelistJitter { get; init; } = 0.5;

    /// <summary>Checks every value and throws <see cref="ArgumentOutOfRangeException"/> naming the first invalid one.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(ResyncPeriod.Ticks, nameof(ResyncPeriod));
        ArgumentOutOfRangeException.ThrowIfLessThan(WatchTimeout, TimeSpan.FromSeconds(1), nameof(WatchTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(RelistBaseDelay, TimeSpan.Zero, nameof(RelistBaseDelay));
        ArgumentOutOfRangeException.ThrowIfLessThan(RelistMaxDelay, RelistBaseDelay, nameof(RelistMaxDelay));
        ArgumentOutOfRangeException.ThrowIfNegative(RelistJitter, nameof(RelistJitter));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(RelistJitter, 1.0, nameof(RelistJitter));
    }
}
