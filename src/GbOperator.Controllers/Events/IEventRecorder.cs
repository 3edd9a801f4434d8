using GbOperator.Resources;

namespace GbOperator.Controllers.Events;

/// <summary>Records Kubernetes-style events about a resource, as client-go's <c>EventRecorder</c> does.</summary>
/// <remarks>
/// Recording never blocks and never throws: the event is queued and written in the background, and a failed
/// write is logged at Warning and dropped. A repeat of the same type, reason and message about the same object
/// within the aggregation window bumps the stored event's count and lastTimestamp instead of creating another.
/// </remarks>
public interface IEventRecorder
{
    /// <summary>Queues a <c>Normal</c> event.</summary>
    /// <param name="resource">Involved object.</param>
    /// <param name="reason">Short UpperCamelCase reason, such as <c>InstanceCreated</c>.</param>
    /// <param name="message">Human-readable message.</param>
    void Normal(Resource resource, string reason, string message);

    /// <summary>Queues a <c>Warning</c> event.</summary>
    /// <param name="resource">Involved object.</param>
    /// <param name="reason">Short UpperCamelCase reason, such as <c>LimitsNotApplied</c>.</param>
    /// <param name="message">Human-readable message.</param>
    void Warning(Resource resource, string reason, string message);
}
