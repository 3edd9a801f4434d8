namespace GbOperator.Resources.ShardMaps;

/// <summary>The Redis cache topology the bots use.</summary>
public sealed record RedisCache
{
    /// <summary><c>standalone</c>, <c>cluster</c> or <c>sentinel</c>.</summary>
    /// <value>standalone.</value>
    public string Mode { get; init; } = RedisMode.Standalone;

    /// <summary>Redis nodes as <c>host:port</c>. For <c>sentinel</c> mode the FailoverPolicy lists the sentinels instead.</summary>
    public IReadOnlyList<string> Nodes { get; init; } = [];

    /// <summary>Replicas per primary in <c>cluster</c> mode.</summary>
    /// <value>1.</value>
    public int Replicas { get; init; } = 1;
}
