namespace GbOperator.Resources.BotClusters;

/// <summary>Desired state of a <see cref="BotCluster"/>.</summary>
public sealed record BotClusterSpec
{
    /// <summary>LXD image alias or fingerprint that every instance starts from.</summary>
    public string Image { get; init; } = "";

    /// <summary>Largest accepted <see cref="Replicas"/> and <see cref="AutoscalingSpec.MaxInstances"/>.</summary>
    /// <remarks>
    /// Every instance takes one host port from the operator's proxy port range (1000 ports by default), which all
    /// BotClusters share, so one cluster may use at most a tenth of it.
    /// </remarks>
    public const int MaxReplicas = 100;

    /// <summary>
    /// Number of instances, from 0 to <see cref="MaxReplicas"/>. When autoscaling is on, it must lie between
    /// minInstances and maxInstances; it is then the starting count, and the autoscaler changes it within those bounds.
    /// </summary>
    /// <value>1.</value>
    public int Replicas { get; init; } = 1;

    /// <summary>Automatic scaling between a minimum and a maximum number of instances.</summary>
    public AutoscalingSpec Autoscaling { get; init; } = new();

    /// <summary>Resource limits applied to every instance. Absent fields mean no limit.</summary>
    public ContainerLimits Limits { get; init; } = new();

    /// <summary>TCP port botserver listens on inside the container, passed as the <c>PORT</c> environment variable.</summary>
    /// <value>8080.</value>
    public int Port { get; init; } = 8080;

    /// <summary>Environment variables written to botserver's environment file.</summary>
    public IReadOnlyDictionary<string, string> Env { get; init; } = new Dictionary<string, string>();

    /// <summary>How instances are probed before they receive traffic and while they serve it.</summary>
    public HealthCheckSpec HealthCheck { get; init; } = new();

    /// <summary>Longest wait for open connections to close before a removed instance is stopped.</summary>
    /// <value>30s.</value>
    public string DrainTimeout { get; init; } = "30s";

    /// <summary>How Caddy routes requests to the instances.</summary>
    public RoutingSpec Routing { get; init; } = new();

    /// <summary>Which scaling metrics the operator records.</summary>
    public MetricsSpec Metrics { get; init; } = new();

    /// <summary>The FailoverPolicy that supplies database and cache endpoints. Absent means none.</summary>
    public LocalObjectReference? FailoverPolicyRef { get; init; }

    /// <summary>The ShardMap that places tenants on databases. Absent means none.</summary>
    public LocalObjectReference? ShardMapRef { get; init; }
}
