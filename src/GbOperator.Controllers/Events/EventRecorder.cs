using System.Threading.Channels;
using GbOperator.Resources;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace GbOperator.Controllers.Events;

/// <summary><see cref="IEventRecorder"/> that writes through an <see cref="IEventSink"/> on a background loop.</summary>
/// <remarks>
/// Repeats are aggregated in memory only, so after a restart the first repeat creates a new event.
/// Disposing stops the loop after the queued events are written.
/// </remarks>
internal sealed class EventRecorder : IEventRecorder, IAsyncDisposable
{
    private readonly IEventSink _sink;
    private readonly EventRecorderOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<EventRecorder> _logger;
    private readonly Channel<(EventKey Key, Resource Resource, DateTimeOffset OccurredAt)> _queue;
    private readonly Dictionary<EventKey, AggregatedEvent> _recent = [];
    private readonly Task _loop;
    private DateTimeOffset _lastFailureLog = DateTimeOffset.MinValue;
    private int _suppressedFailures;
    private long _lastNanoseconds;
    private readonly Lock _failureLock = new();

    public EventRecorder(IEventSink sink, EventRecorderOptions options, TimeProvider timeProvider, ILogger<EventRecorder> logger)
    {
        _sink = sink;
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
        _queue = Channel.CreateBounded<(EventKey, Resource, DateTimeOffset)>(new BoundedChannelOptions(options.QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.DropWrite,
            SingleReader = true,
        });
        _loop = Task.Run(RunAsync);
    }

    public void Normal(Resource resource, string reason, string message) => Enqueue(resource, "Normal", reason, message);

    public void Warning(Resource resource, string reason, string message) => Enqueue(resource, "Warning", reason, message);

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }

    /// <summary>Writes one event: a PATCH of count and lastTimestamp for a repeat within the window, otherwise a create.</summary>
    /// <remarks>Only the background loop calls this, one call at a time.</remarks>
    private async Task WriteAsync(EventKey key, Resource resource, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (_recent.TryGetValue(key, out var previous) && now - previous.LastSeen < _options.AggregationWindow)
        {
            var count = previous.Count + 1;
            if (await _sink.PatchCountAsync(key.Namespace, previous.Name, count, now.UtcDateTime, cancellationToken).ConfigureAwait(false))
            {
                _recent[key] = previous with { Count = count, LastSeen = now };
                return;
            }
        }

        // Event names follow client-go: the object name and the hexadecimal Unix time in nanoseconds, made unique
        // per recorder because a coarse or fake clock repeats values.
        var nanoseconds = (now.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) * 100;
        _lastNanoseconds = Math.Max(nanoseconds, _lastNanoseconds + 1);
        var name = $"{key.Name}.{_lastNanoseconds:x}";
        var @event = new Corev1Event
        {
            ApiVersion = "v1",
            Kind = "Event",
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = key.Namespace },
            InvolvedObject = new V1ObjectReference
            {
                ApiVersion = resource.ApiVersion,
                Kind = key.Kind,
                Name = key.Name,
                NamespaceProperty = key.Namespace,
                Uid = key.Uid,
                ResourceVersion = resource.Metadata.ResourceVersion,
            },
            Type = key.Type,
            Reason = key.Reason,
            Message = key.Message,
            Count = 1,
            FirstTimestamp = now.UtcDateTime,
            LastTimestamp = now.UtcDateTime,
            Source = new V1EventSource { Component = _options.Component },
            ReportingComponent = _options.Component,
            ReportingInstance = Environment.MachineName,
        };
        await _sink.CreateAsync(@event, cancellationToken).ConfigureAwait(false);
        _recent[key] = new AggregatedEvent(name, 1, now);
        RemoveExpired(now);
    }

    private void Enqueue(Resource resource, string type, string reason, string message)
    {
        var metadata = resource.Metadata;
        var key = new EventKey(metadata.NamespaceProperty ?? "default", resource.Kind, metadata.Name ?? string.Empty, metadata.Uid ?? string.Empty, type, reason, message);
        if (!_queue.Writer.TryWrite((key, resource, _timeProvider.GetUtcNow())))
        {
            LogFailure(null, key, "the event queue is full");
        }
    }

    private async Task RunAsync()
    {
        await foreach (var (key, resource, occurredAt) in _queue.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            try
            {
                await WriteAsync(key, resource, occurredAt, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                // Any failure drops only this event, so the loop keeps running and the reconcile that recorded it is unaffected.
                LogFailure(exception, key, exception.Message);
            }
        }
    }

    /// <summary>Logs a dropped event at Warning, at most once per <see cref="EventRecorderOptions.FailureLogInterval"/>.</summary>
    private void LogFailure(Exception? exception, EventKey key, string problem)
    {
        var now = _timeProvider.GetUtcNow();
        lock (_failureLock)
        {
            if (now - _lastFailureLog < _options.FailureLogInterval)
            {
                _suppressedFailures++;
                return;
            }

            _logger.EventDropped(exception, key.Reason, key.Kind, key.Namespace, key.Name, problem, _suppressedFailures);
            _lastFailureLog = now;
            _suppressedFailures = 0;
        }
    }

    private void RemoveExpired(DateTimeOffset now)
    {
        foreach (var (key, aggregated) in _recent.Where(entry => now - entry.Value.LastSeen >= _options.AggregationWindow).ToList())
        {
            _recent.Remove(key);
        }
    }
}
