namespace GbOperator.Controllers.Events;

/// <summary>Settings of <see cref="EventRecorder"/>.</summary>
public sealed class EventRecorderOptions
{
    /// <summary>Name written to <c>source.component</c> and <c>reportingComponent</c>.</summary>
    /// <value><c>gb-operator</c>.</value>
    public string Component { get; init; } = "gb-operator";

    /// <summary>Time after the last occurrence during which a repeat bumps the count of the same event.</summary>
    /// <value>10 minutes, as client-go's event correlator.</value>
    public TimeSpan AggregationWindow { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Maximum number of queued events; further events are dropped until the queue drains.</summary>
    /// <value>1000.</value>
    public int QueueCapacity { get; init; } = 1000;

    /// <summary>Minimum time between two logged write failures; failures in between are counted and reported with the next one.</summary>
    /// <value>1 minute.</value>
    public TimeSpan FailureLogInterval { get; init; } = TimeSpan.FromMinutes(1);
}
