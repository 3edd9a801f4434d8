namespace GbOperator.Resources.ShardMaps;

/// <summary>The routing file that one BotCluster's instances have.</summary>
public sealed record ClusterRoutingStatus
{
    /// <summary>Name of the BotCluster, in the shard map's namespace.</summary>
    public string Name { get; init; } = "";

    /// <summary>Routing-table version that every running instance of the cluster has, or absent while some instance lacks it.</summary>
    public string? Version { get; init; }

    /// <summary>Number of running instances that have the current routing table.</summary>
    public int UpToDateInstances { get; init; }

    /// <summary>Number of running instances of the cluster.</summary>
    public int Instances { get; init; }

    /// <summary>Why the file could not be written to some instance, if it could not.</summary>
    public string? Message { get; init; }
}
