namespace GbOperator.Resources.ShardMaps;

/// <summary>Observed state of a <see cref="ShardMap"/>.</summary>
public sealed record ShardMapStatus : ResourceStatus
{
    /// <summary>One entry per shard.</summary>
    [ListMapKeys("name")]
    public IReadOnlyList<ShardStatus> Shards { get; init; } = [];
}
