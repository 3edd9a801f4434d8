namespace GbOperator.Controllers.Autoscaling;

/// <summary>What the autoscaler keeps in memory about one cluster between checks.</summary>
internal sealed class ClusterScalingState(string uid, ClusterMetricsCollector collector)
{
    public string Uid { get; } = uid;

    public ClusterMetricsCollector Collector { get; } = collector;

    public MetricHistory History { get; } = new();

    /// <summary>When the last check ran, or <c>null</c> before the first.</summary>
    public DateTimeOffset? LastCheck { get; set; }

    /// <summary>Names of the metrics that failed at the last check, comma-separated, so MetricsMissing is recorded when they change.</summary>
    public string FailedMetrics { get; set; } = "";

    /// <summary>When this process last changed spec.replicas, in case the status write that records it was lost.</summary>
    public DateTimeOffset? LastScaleTime { get; set; }
}
