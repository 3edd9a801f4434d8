namespace GbOperator.Resources.BotClusters;

/// <summary>Scaling metrics of a cluster at one check. An absent value was not collected or does not apply.</summary>
public sealed record ClusterMetrics
{
    /// <summary>When the metrics were collected.</summary>
    public DateTime? SampledAt { get; init; }

    /// <summary>Number of ready instances the averages cover.</summary>
    public int Instances { get; init; }

    /// <summary>Average CPU use in percent of <c>limits.cpu</c>, from LXD's CPU time since the previous check.</summary>
    public double? CpuPercent { get; init; }

    /// <summary>Average memory use in percent of <c>limits.memory</c>; absent when the spec sets no memory limit.</summary>
    public double? MemoryPercent { get; init; }

    /// <summary>Requests per minute that Caddy proxied to the cluster since the previous check.</summary>
    public double? RequestsPerMinute { get; init; }

    /// <summary>Average response time in milliseconds of the requests since the previous check; absent without requests.</summary>
    public double? ResponseTimeMilliseconds { get; init; }

    /// <summary>Requests Caddy had in flight to the cluster's instances at the check.</summary>
    public int? InFlightRequests { get; init; }

    /// <summary>Average queue depth that the instances' health responses report; absent when they report none.</summary>
    public double? QueueDepth { get; init; }
}
