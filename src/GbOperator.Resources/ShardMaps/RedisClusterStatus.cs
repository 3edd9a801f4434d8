namespace GbOperator.Resources.ShardMaps;

/// <summary>Observed state of the Redis Cluster of <c>spec.redis</c> in <c>cluster</c> mode.</summary>
public sealed record RedisClusterStatus
{
    /// <summary>Whether every node replies, reports <c>cluster_state:ok</c>, and healthy masters serve all 16384 slots.</summary>
    public bool Healthy { get; init; }

    /// <summary>Slots that healthy masters serve, out of 16384, as the reachable nodes agree.</summary>
    public int SlotsCovered { get; init; }

    /// <summary>One entry per listed node.</summary>
    [ListMapKeys("endpoint")]
    public IReadOnlyList<RedisNodeStatus> Nodes { get; init; } = [];
}
