namespace GbOperator.Resources.ShardMaps;

/// <summary>Observed state of a <see cref="ShardMap"/>.</summary>
public sealed record ShardMapStatus : ResourceStatus
{
    /// <summary>One entry per shard.</summary>
    [ListMapKeys("name")]
    public IReadOnlyList<ShardStatus> Shards { get; init; } = [];

    /// <summary>The spec the controller last acted on, which the next change is planned against.</summary>
    public ShardMapSpec? AppliedSpec { get; init; }

    /// <summary>What the last change of the spec moved between shards.</summary>
    public RebalancingPlan? Rebalancing { get; init; }

    /// <summary>Tenant databases that no listed tenant owns on their shard any more. They are kept, never dropped.</summary>
    [ListMapKeys("shard", "database")]
    public IReadOnlyList<OrphanedDatabase> OrphanedDatabases { get; init; } = [];

    /// <summary>Version of the routing table, a hash of its content, written to <c>/opt/gbo/conf/shards.json</c>.</summary>
    public string? RoutingVersion { get; init; }

    /// <summary>The routing file of each BotCluster that references the map.</summary>
    [ListMapKeys("name")]
    public IReadOnlyList<ClusterRoutingStatus> Clusters { get; init; } = [];

    /// <summary>The Redis Cluster, when <c>spec.redis.mode</c> is <c>cluster</c>.</summary>
    public RedisClusterStatus? Redis { get; init; }

    /// <summary>The knowledge-base collections, when <c>spec.qdrant.endpoint</c> is set.</summary>
    [ListMapKeys("name")]
    public IReadOnlyList<QdrantCollectionStatus> Collections { get; init; } = [];
}
