namespace GbOperator.ApiServer.Events;

/// <summary>Settings of the core/v1 Event store.</summary>
public sealed class EventOptions
{
    /// <summary>Time after an event's last occurrence when the sweep deletes it.</summary>
    /// <value>1 hour, as kube-apiserver's <c>--event-ttl</c>.</value>
    public TimeSpan TimeToLive { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Time between two expiry sweeps.</summary>
    /// <value>1 minute.</value>
    public TimeSpan SweepInterval { get; init; } = TimeSpan.FromMinutes(1);
}
