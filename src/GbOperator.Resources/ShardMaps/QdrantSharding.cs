namespace GbOperator.Resources.ShardMaps;

/// <summary>Sharding parameters of each Qdrant collection the bots create.</summary>
public sealed record QdrantSharding
{
    /// <summary>Qdrant <c>shard_number</c>.</summary>
    /// <value>4.</value>
    public int ShardNumber { get; init; } = 4;

    /// <summary>Qdrant <c>replication_factor</c>.</summary>
    /// <value>2.</value>
    public int ReplicationFactor { get; init; } = 2;

    /// <summary>How many replicas must confirm a write: <c>one</c>, <c>majority</c> or <c>all</c>.</summary>
    /// <value>majority.</value>
    public string WriteConsistency { get; init; } = QdrantWriteConsistency.Majority;
}
