namespace GbOperator.Resources.ShardMaps;

/// <summary>Observed state of one bot's knowledge-base collection in Qdrant.</summary>
public sealed record QdrantCollectionStatus
{
    /// <summary>Collection name, <c>kb_</c> followed by the bot name.</summary>
    public string Name { get; init; } = "";

    /// <summary>Whether the collection exists with the shard number, replication factor and write consistency of the spec.</summary>
    public bool InSync { get; init; }

    /// <summary>What differs from the spec and why the operator cannot change it in place, or why the check failed.</summary>
    public string? Message { get; init; }
}
