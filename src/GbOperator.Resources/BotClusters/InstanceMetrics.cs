namespace GbOperator.Resources.BotClusters;

/// <summary>Scaling metrics of one ready instance at the autoscaler's last check. An absent value was not measured or not reported.</summary>
public sealed record InstanceMetrics
{
    /// <summary>LXD instance name.</summary>
    public string Name { get; init; } = "";

    /// <summary>CPU use in percent of <c>limits.cpu</c>, from LXD's CPU time since the previous check.</summary>
    public double? CpuPercent { get; init; }

    /// <summary>The instance's share of the cluster's CPU time since the previous check, from 0 to 1.</summary>
    public double? LoadShare { get; init; }

    /// <summary><c>metrics.queue_depth</c> of the instance's health response: messages waiting to be processed.</summary>
    public double? QueueDepth { get; init; }

    /// <summary><c>metrics.connections</c> of the instance's health response.</summary>
    public double? Connections { get; init; }

    /// <summary><c>metrics.cpu</c> of the instance's health response, in percent as the instance measures it.</summary>
    public double? ReportedCpuPercent { get; init; }

    /// <summary><c>metrics.memory</c> of the instance's health response, in percent as the instance measures it.</summary>
    public double? ReportedMemoryPercent { get; init; }
}
