namespace GbOperator.Resources.BotClusters;

/// <summary>Switches for the scaling metrics the operator records.</summary>
public sealed record MetricsSpec
{
    /// <summary>Whether scaling metrics are recorded at all.</summary>
    /// <value><c>true</c>.</value>
    public bool ScalingEnabled { get; init; } = true;

    /// <summary>Whether the instance count is recorded.</summary>
    /// <value><c>true</c>.</value>
    public bool ContainerCount { get; init; } = true;

    /// <summary>Whether each scaling event is recorded.</summary>
    /// <value><c>true</c>.</value>
    public bool ScalingEvents { get; init; } = true;

    /// <summary>Whether the metrics of each instance are recorded, with its share of the cluster's CPU time.</summary>
    /// <value><c>true</c>.</value>
    public bool LoadDistribution { get; init; } = true;
}
