using Microsoft.Extensions.Logging;

namespace GbOperator.Infrastructure.Qdrant;

/// <summary>Log messages of the Qdrant client, with fixed event ids.</summary>
internal static partial class QdrantLog
{
    [LoggerMessage(EventId = 3800, Level = LogLevel.Information,
        Message = "Created Qdrant collection {Collection} on {Endpoint} with {ShardNumber} shards, replication factor {ReplicationFactor} and write consistency factor {WriteConsistencyFactor}")]
    public static partial void CollectionCreated(ILogger logger, string collection, string endpoint, uint shardNumber, uint replicationFactor, uint writeConsistencyFactor);
}
