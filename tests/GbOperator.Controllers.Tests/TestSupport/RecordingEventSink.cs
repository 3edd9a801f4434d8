using GbOperator.Controllers.Events;
using k8s.Models;

namespace GbOperator.Controllers.Tests.TestSupport;

/// <summary>An <see cref="IEventSink"/> that keeps events in memory and throws <see cref="Failure"/> while it is set.</summary>
internal sealed class RecordingEventSink : IEventSink
{
    private readonly Dictionary<string, Corev1Event> _events = new(StringComparer.Ordinal);

    /// <summary>Exception that every call throws while set.</summary>
    public Exception? Failure { get; set; }

    public int Creates { get; private set; }

    public int Patches { get; private set; }

    public IReadOnlyList<Corev1Event> Events => [.. _events.Values];

    public Task CreateAsync(Corev1Event @event, CancellationToken cancellationToken)
    {
        if (Failure is not null)
        {
            throw Failure;
        }

        Creates++;
        _events.Add(@event.Metadata.Name, @event);
        return Task.CompletedTask;
    }

    public Task<bool> PatchCountAsync(string @namespace, string name, int count, DateTime lastTimestamp, CancellationToken cancellationToken)
    {
        if (Failure is not null)
        {
            throw Failure;
        }

        Patches++;
        if (!_events.TryGetValue(name, out var stored))
        {
            return Task.FromResult(false);
        }

        stored.Count = count;
        stored.LastTimestamp = lastTimestamp;
        return Task.FromResult(true);
    }

    /// <summary>Removes every stored event, as the API server's expiry does.</summary>
    public void Clear() => _events.Clear();
}
