namespace GbOperator.Resources.BotClusters;

/// <summary>Thresholds and bounds of automatic scaling.</summary>
public sealed record AutoscalingSpec
{
    /// <summary>Whether the autoscaler changes the number of instances.</summary>
    /// <value><c>false</c>.</value>
    public bool Enabled { get; init; }

    /// <summary>Fewest instances the autoscaler keeps.</summary>
    /// <value>1.</value>
    public int MinInstances { get; init; } = 1;

    /// <summary>Most instances the autoscaler creates, at most <see cref="BotClusterSpec.MaxReplicas"/>.</summary>
    /// <value>10.</value>
    public int MaxInstances { get; init; } = 10;

    /// <summary>Average CPU use, in percent, above which an instance is added.</summary>
    /// <value>70.</value>
    public int CpuThreshold { get; init; } = 70;

    /// <summary>Average memory use, in percent, above which an instance is added.</summary>
    /// <value>80.</value>
    public int MemoryThreshold { get; init; } = 80;

    /// <summary>Requests per minute across the cluster above which an instance is added.</summary>
    /// <value>1000.</value>
    public int RequestThreshold { get; init; } = 1000;

    /// <summary>Least time between two scaling events.</summary>
    /// <value>5m.</value>
    public string Cooldown { get; init; } = "5m";

    /// <summary>Time between two metric checks.</summary>
    /// <value>30s.</value>
    public string CheckInterval { get; init; } = "30s";

    /// <summary>How long a scale-up condition must hold before instances are added. With <c>0s</c>, they are added at the first check that fires.</summary>
    /// <value>0s.</value>
    public string ScaleUpWindow { get; init; } = "0s";

    /// <summary>How long the scale-down condition must hold, at every check, before an instance is removed.</summary>
    /// <value>5m.</value>
    public string ScaleDownWindow { get; init; } = "5m";

    /// <summary>
    /// Band around each threshold, in percent of the threshold, inside which no rule fires: with a CPU threshold of 70
    /// and a tolerance of 10, CPU use must exceed 77 to add an instance.
    /// </summary>
    /// <value>10.</value>
    public int Tolerance { get; init; } = 10;

    /// <summary>Most instances one scaling decision adds or removes.</summary>
    /// <value>1.</value>
    public int MaxStep { get; init; } = 1;

    /// <summary>Additional scaling rules on response time, low CPU, low memory and queue depth.</summary>
    public ScaleRules Rules { get; init; } = new();
}
