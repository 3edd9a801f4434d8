using k8s.Models;

namespace GbOperator.Controllers.Events;

/// <summary>Writes events to the API server.</summary>
internal interface IEventSink
{
    /// <summary>Creates <paramref name="event"/>.</summary>
    Task CreateAsync(Corev1Event @event, CancellationToken cancellationToken);

    /// <summary>Sets count and lastTimestamp of an existing event; returns <c>false</c> when the event does not exist.</summary>
    Task<bool> PatchCountAsync(string @namespace, string name, int count, DateTime lastTimestamp, CancellationToken cancellationToken);
}
