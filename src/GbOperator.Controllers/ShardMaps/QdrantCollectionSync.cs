using GbOperator.Infrastructure.Qdrant;
using GbOperator.Resources.ShardMaps;
using Grpc.Core;
using Microsoft.Extensions.Logging;

namespace GbOperator.Controllers.ShardMaps;

/// <summary>Creates each bot's knowledge-base collection with the map's Qdrant sharding and reports what differs.</summary>
internal sealed class QdrantCollectionSync(IQdrantCollectionClient qdrant, ILogger logger)
{
    /// <summary>Prefix of a bot's knowledge-base collection.</summary>
    public const string CollectionPrefix = "kb_";

    /// <returns>One status per bot, and the names of the collections this pass created.</returns>
    public async Task<(IReadOnlyList<QdrantCollectionStatus> Collections, IReadOnlyList<string> Created)> SyncAsync(
        QdrantSharding sharding, CancellationToken cancellationToken)
    {
        if (sharding.Endpoint is not { } endpoint)
        {
            return ([], []);
        }

        var desired = DesiredSettings(sharding);
        var collections = new List<QdrantCollectionStatus>();
        var created = new List<string>();
        foreach (var bot in sharding.Bots)
        {
            var name = CollectionPrefix + bot;
            try
            {
                var result = await qdrant.EnsureAsync(endpoint, name, desired, (ulong)sharding.VectorSize, cancellationToken);
                if (result.Created)
                {
                    created.Add(name);
                }

                var mismatch = Mismatch(desired, result.Actual);
                collections.Add(new QdrantCollectionStatus { Name = name, InSync = mismatch is null, Message = mismatch });
            }
            catch (Exception exception) when (exception is RpcException or global::Qdrant.Client.QdrantException)
            {
                ShardMapLog.QdrantFailed(logger, exception, name, endpoint);
                collections.Add(new QdrantCollectionStatus { Name = name, InSync = false, Message = $"Qdrant at {endpoint} failed: {exception.Message}" });
            }
        }

        return (collections, created);
    }

    /// <summary>
    /// Returns the settings of <paramref name="sharding"/>: <c>one</c> is 1 replica, <c>majority</c> more than half of the
    /// replication factor, and <c>all</c> the replication factor.
    /// </summary>
    public static QdrantCollectionSettings DesiredSettings(QdrantSharding sharding)
    {
        var replication = (uint)sharding.ReplicationFactor;
        var writeConsistency = sharding.WriteConsistency switch
        {
            QdrantWriteConsistency.One => 1u,
            QdrantWriteConsistency.All => replication,
            _ => (replication / 2) + 1,
        };
        return new QdrantCollectionSettings((uint)sharding.ShardNumber, replication, writeConsistency);
    }

    private static string? Mismatch(QdrantCollectionSettings desired, QdrantCollectionSettings actual)
    {
        var differences = new List<string>();
        if (actual.ShardNumber != desired.ShardNumber)
        {
            differences.Add($"shard number is {actual.ShardNumber}, not {desired.ShardNumber}");
        }

        if (actual.ReplicationFactor != desired.ReplicationFactor)
        {
            differences.Add($"replication factor is {actual.ReplicationFactor}, not {desired.ReplicationFactor}");
        }

        if (actual.WriteConsistencyFactor != desired.WriteConsistencyFactor)
        {
            differences.Add($"write consistency factor is {actual.WriteConsistencyFactor}, not {desired.WriteConsistencyFactor}");
        }

        return differences.Count == 0
            ? null
            : string.Join("; ", differences) + ". Qdrant cannot reshard or re-replicate an existing collection in place, so the operator leaves it; recreate it and load its vectors again to apply the spec";
    }
}
