namespace GbOperator.Controllers.Autoscaling;

/// <summary>Cluster metrics at one check, as the decision reads them.</summary>
/// <remarks>
/// A <c>null</c> value is either missing, and then <see cref="Missing"/> names it with the reason, or does not apply
/// (no memory limit, no requests since the last check, no queue depth in the health response). Missing metrics block
/// scale-down; metrics that do not apply do not, and the health fields among them are named in <see cref="Unavailable"/>.
/// </remarks>
/// <param name="Time">When the metrics were collected.</param>
/// <param name="CpuPercent">Average CPU use in percent of <c>limits.cpu</c>.</param>
/// <param name="MemoryPercent">Average memory use in percent of <c>limits.memory</c>.</param>
/// <param name="RequestsPerMinute">Requests per minute across the cluster.</param>
/// <param name="ResponseTime">Average response time of the requests since the last check.</param>
/// <param name="QueueDepth">Average queue depth reported by the instances.</param>
/// <param name="Missing">Metrics that could not be collected, each with the reason.</param>
internal sealed record MetricSample(
    DateTimeOffset Time,
    double? CpuPercent,
    double? MemoryPercent,
    double? RequestsPerMinute,
    TimeSpan? ResponseTime,
    double? QueueDepth,
    IReadOnlyList<MissingMetric> Missing)
{
    public bool IsComplete => Missing.Count == 0;

    /// <summary>Metrics of each ready instance.</summary>
    public IReadOnlyList<InstanceSample> Instances { get; init; } = [];

    /// <summary>
    /// Health-response fields that the instances do not report, such as <c>queueDepth: instance web-1: metrics.queue_depth is absent</c>.
    /// They do not block scale-down: a botserver that never reports a field would otherwise never shrink.
    /// </summary>
    public IReadOnlyList<string> Unavailable { get; init; } = [];
}
