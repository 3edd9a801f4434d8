using GbOperator.Resources;

namespace GbOperator.Controllers.Events;

/// <summary><see cref="IEventRecorder"/> that discards every event, for components built without an API server.</summary>
public sealed class NullEventRecorder : IEventRecorder
{
    /// <summary>The shared instance.</summary>
    public static NullEventRecorder Instance { get; } = new();

    /// <inheritdoc/>
    public void Normal(Resource resource, string reason, string message)
    {
    }

    /// <inheritdoc/>
    public void Warning(Resource resource, string reason, string message)
    {
    }
}
