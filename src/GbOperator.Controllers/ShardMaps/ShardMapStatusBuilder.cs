using System.Text.Json;
using GbOperator.Controllers.BotClusters;
using GbOperator.Resources;
using GbOperator.Resources.ShardMaps;
using k8s.Models;

namespace GbOperator.Controllers.ShardMaps;

/// <summary>Builds the status of a ShardMap from one pass's observation.</summary>
internal static class ShardMapStatusBuilder
{
    /// <summary>Condition that is True when every shard, the Redis Cluster, every collection and every routing file match the spec.</summary>
    public const string Ready = "Ready";

    /// <summary>Condition that is True when a shard server or a Redis Cluster node is unavailable.</summary>
    public const string Degraded = "Degraded";

    public static ShardMapStatus Build(ShardMap map, ShardMapObservation observation, RebalancingPlan? rebalancing, DateTimeOffset now)
    {
        var problems = Problems(observation);
        var outages = observation.Databases.Unavailable.Select(shard => $"shard {shard} is unavailable").ToList();
        if (observation.Redis is { Healthy: false } redis)
        {
            outages.Add($"the Redis Cluster is degraded: {redis.SlotsCovered} of {RedisClusterCheck.TotalSlots} slots covered");
        }

        var conditions = new ConditionSet(map.Status?.Conditions, map.Metadata.Generation, now)
            .Set(Ready, problems.Count == 0, problems.Count == 0 ? "Reconciled" : "NotReconciled",
                problems.Count == 0 ? "Shards, cache, collections and routing files match the spec" : string.Join("; ", problems))
            .Set(Degraded, outages.Count > 0, outages.Count > 0 ? "BackendUnavailable" : "BackendsAvailable",
                outages.Count > 0 ? string.Join("; ", outages) : "Every shard server and cache node answers")
            .Conditions;

        return new ShardMapStatus
        {
            ObservedGeneration = map.Metadata.Generation,
            Conditions = conditions.ToList(),
            Shards = observation.Databases.Shards,
            AppliedSpec = map.Spec,
            Rebalancing = rebalancing,
            OrphanedDatabases = observation.Databases.Orphaned,
            RoutingVersion = observation.Routing.Version,
            Clusters = observation.Clusters,
            Redis = observation.Redis,
            Collections = observation.Collections,
        };
    }

    /// <summary>Whether two specs serialize to the same JSON.</summary>
    public static bool SameSpec(ShardMapSpec left, ShardMapSpec right) =>
        JsonSerializer.Serialize(left, ResourceCodec.SerializerOptions) == JsonSerializer.Serialize(right, ResourceCodec.SerializerOptions);

    private static List<string> Problems(ShardMapObservation observation)
    {
        var problems = observation.Databases.Shards.Where(shard => !shard.Ready).Select(shard => $"shard {shard.Name}: {shard.Message}").ToList();
        if (observation.Redis is { Healthy: false })
        {
            problems.Add("the Redis Cluster is not healthy");
        }

        problems.AddRange(observation.Collections.Where(collection => !collection.InSync).Select(collection => $"collection {collection.Name}: {collection.Message}"));
        problems.AddRange(observation.Clusters.Where(cluster => cluster.Version is null)
            .Select(cluster => $"BotCluster {cluster.Name}: {cluster.UpToDateInstances} of {cluster.Instances} instances have the routing file"));
        return problems;
    }
}
