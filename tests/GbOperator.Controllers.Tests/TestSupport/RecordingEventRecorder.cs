using System.Collections.Concurrent;
using GbOperator.Controllers.Events;
using GbOperator.Resources;

namespace GbOperator.Controllers.Tests.TestSupport;

/// <summary>An <see cref="IEventRecorder"/> that keeps each event's type, reason and message in memory, in order.</summary>
internal sealed class RecordingEventRecorder : IEventRecorder
{
    private readonly ConcurrentQueue<(string Type, string Reason, string Message)> _events = new();

    public IReadOnlyList<(string Type, string Reason, string Message)> Events => [.. _events];

    public IReadOnlyList<string> Reasons => [.. _events.Select(recorded => recorded.Reason)];

    public void Normal(Resource resource, string reason, string message) => _events.Enqueue(("Normal", reason, message));

    public void Warning(Resource resource, string reason, string message) => _events.Enqueue(("Warning", reason, message));
}
