namespace GbOperator.Infrastructure.Qdrant;

/// <summary>Creates Qdrant collections with given sharding parameters and reads the parameters of existing ones.</summary>
/// <remarks>Failures throw <see cref="Grpc.Core.RpcException"/> (transport or status errors) or <see cref="global::Qdrant.Client.QdrantException"/>.</remarks>
public interface IQdrantCollectionClient
{
    /// <summary>
    /// Creates collection <paramref name="name"/> on <paramref name="endpoint"/> with <paramref name="settings"/> and cosine vectors
    /// of <paramref name="vectorSize"/> when it is missing. An existing collection is left as it is, because Qdrant cannot change its
    /// shard number or copy shards for a higher replication factor in place.
    /// </summary>
    Task<QdrantCollectionResult> EnsureAsync(
        string endpoint, string name, QdrantCollectionSettings settings, ulong vectorSize, CancellationToken cancellationToken);
}
