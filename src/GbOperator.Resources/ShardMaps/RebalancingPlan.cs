using System.Text.Json.Serialization;

namespace GbOperator.Resources.ShardMaps;

/// <summary>The data that a change of a shard map moves between shards. A plan only: nothing is copied.</summary>
public sealed record RebalancingPlan
{
    /// <summary>Generation of the shard map the plan starts from; absent for a plan against a file.</summary>
    public long? FromGeneration { get; init; }

    /// <summary>Generation of the shard map the plan leads to; absent for a plan against a file.</summary>
    public long? ToGeneration { get; init; }

    /// <summary>The moves, one per pair of shards, ordered by source and then target.</summary>
    public IReadOnlyList<ShardMove> Moves { get; init; } = [];

    /// <summary>What the moves cannot express, such as a change of strategy under which any key may move.</summary>
    public string? Note { get; init; }

    /// <summary>Whether nothing moves.</summary>
    [JsonIgnore]
    public bool IsEmpty => Moves.Count == 0 && Note is null;
}
