namespace GbOperator.Infrastructure.Qdrant;

/// <summary>The sharding parameters of a Qdrant collection, as its <c>CreateCollection</c> request and its config carry them.</summary>
public sealed record QdrantCollectionSettings(uint ShardNumber, uint ReplicationFactor, uint WriteConsistencyFactor);
