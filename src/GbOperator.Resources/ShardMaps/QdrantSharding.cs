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

    /// <summary>
    /// gRPC address of Qdrant, such as <c>http://127.0.0.1:6334</c>. Absent means the operator leaves the collections alone.
    /// </summary>
    public string? Endpoint { get; init; }

    /// <summary>Bots whose knowledge-base collection, <c>kb_</c> followed by the bot name, the operator creates.</summary>
    public IReadOnlyList<string> Bots { get; init; } = [];

    /// <summary>Size of the vectors of a new collection, compared with cosine distance.</summary>
    /// <value>384.</value>
    public int VectorSize { get; init; } = 384;
}
