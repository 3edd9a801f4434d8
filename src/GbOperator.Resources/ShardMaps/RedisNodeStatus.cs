namespace GbOperator.Resources.ShardMaps;

/// <summary>What one Redis Cluster node reports.</summary>
public sealed record RedisNodeStatus
{
    /// <summary>Node address as listed in <c>spec.redis.nodes</c>.</summary>
    public string Endpoint { get; init; } = "";

    /// <summary>Whether the node replied.</summary>
    public bool Reachable { get; init; }

    /// <summary><c>cluster_state</c> from <c>CLUSTER INFO</c>: <c>ok</c> or <c>fail</c>.</summary>
    public string? ClusterState { get; init; }

    /// <summary><c>cluster_slots_ok</c> from <c>CLUSTER INFO</c>: slots served by a healthy master, out of 16384.</summary>
    public int SlotsOk { get; init; }

    /// <summary>Slots this node serves as a master, from <c>CLUSTER NODES</c>.</summary>
    public int SlotsServed { get; init; }

    /// <summary>Why the node is not healthy, if it is not.</summary>
    public string? Message { get; init; }
}
