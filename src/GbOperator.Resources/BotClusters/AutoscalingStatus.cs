namespace GbOperator.Resources.BotClusters;

/// <summary>What the autoscaler last measured and decided for a <see cref="BotCluster"/>.</summary>
public sealed record AutoscalingStatus
{
    /// <summary>Metrics of the last check, averaged over the ready instances.</summary>
    public ClusterMetrics? CurrentMetrics { get; init; }

    /// <summary>Metrics of each ready instance at the last check.</summary>
    [ListMapKeys("name")]
    public IReadOnlyList<InstanceMetrics> Instances { get; init; } = [];

    /// <summary>Metrics the last check could not collect, each with the reason. Any entry blocks scale-down.</summary>
    public IReadOnlyList<string> MissingMetrics { get; init; } = [];

    /// <summary>
    /// Health-response fields the instances do not report, such as <c>queueDepth: instance web-1: metrics.queue_depth is absent</c>.
    /// The rules on them cannot fire, and they do not block scale-down.
    /// </summary>
    public IReadOnlyList<string> UnavailableMetrics { get; init; } = [];

    /// <summary>Instance count the last decision asked for.</summary>
    public int? DesiredReplicas { get; init; }

    /// <summary>When the autoscaler last changed <c>spec.replicas</c>.</summary>
    public DateTime? LastScaleTime { get; init; }

    /// <summary>Earliest time of the next scaling event, when the cooldown ends.</summary>
    public DateTime? NextScaleTime { get; init; }

    /// <summary>The last decision in words: the rule that fired and the values it saw, or why nothing changed.</summary>
    public string? LastDecision { get; init; }
}
