using GbOperator.Resources.ShardMaps;

namespace GbOperator.Controllers.ShardMaps;

/// <summary>What one pass of the ShardMap reconciler observed.</summary>
internal sealed record ShardMapObservation(
    TenantDatabaseReport Databases,
    RedisClusterStatus? Redis,
    IReadOnlyList<QdrantCollectionStatus> Collections,
    RoutingTable Routing,
    IReadOnlyList<ClusterRoutingStatus> Clusters);
