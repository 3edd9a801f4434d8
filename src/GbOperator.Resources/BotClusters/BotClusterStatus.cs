namespace GbOperator.Resources.BotClusters;

/// <summary>Observed state of a <see cref="BotCluster"/>.</summary>
public sealed record BotClusterStatus : ResourceStatus
{
    /// <summary>Number of instances the spec requests, as the controller last read it.</summary>
    public int Replicas { get; init; }

    /// <summary>Number of instances that exist and are not draining.</summary>
    public int CurrentReplicas { get; init; }

    /// <summary>Number of instances that passed their health check and receive traffic.</summary>
    public int ReadyReplicas { get; init; }

    /// <summary>Label selector of the instances, in string form, for the scale subresource.</summary>
    public string? Selector { get; init; }

    /// <summary>Metrics and the last decision of the autoscaler; absent while autoscaling is off.</summary>
    public AutoscalingStatus? Autoscaling { get; init; }

    /// <summary>One entry per instance.</summary>
    [ListMapKeys("name")]
    public IReadOnlyList<InstanceStatus> Instances { get; init; } = [];

    /// <summary>
    /// Where every instance's database and cache endpoints lead, for a cluster that sets
    /// <see cref="BotClusterSpec.FailoverPolicyRef"/>; <c>null</c> otherwise.
    /// </summary>
    public EndpointsStatus? Endpoints { get; init; }
}
