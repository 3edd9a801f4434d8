using GbOperator.Infrastructure.Redis;
using GbOperator.Resources.ShardMaps;

namespace GbOperator.Controllers.ShardMaps;

/// <summary>Asks every listed Redis Cluster node for <c>CLUSTER INFO</c> and <c>CLUSTER NODES</c> and sums up slot coverage.</summary>
internal sealed class RedisClusterCheck(IRedisClusterInspector inspector)
{
    /// <summary>Number of hash slots of a Redis Cluster.</summary>
    public const int TotalSlots = 16384;

    public async Task<RedisClusterStatus> CheckAsync(RedisCache redis, CancellationToken cancellationToken)
    {
        var reports = await Task.WhenAll(redis.Nodes.Select(node => inspector.InspectAsync(node, cancellationToken)));
        var reachable = reports.Where(report => report.Reachable).ToList();

        // A node that just stopped still counts as covering its slots for the others until cluster-node-timeout passes, so the
        // slots that reachable masters serve bound the coverage too.
        var slotsOk = reachable.Count == 0 ? 0 : reachable.Min(report => report.SlotsOk);
        var served = reachable.Sum(report => report.SlotsServed);
        var covered = Math.Min(slotsOk, served);
        var failedPeers = reachable.SelectMany(report => report.FailedPeers).ToHashSet(StringComparer.Ordinal);

        var nodes = reports.Select(report => new RedisNodeStatus
        {
            Endpoint = report.Endpoint,
            Reachable = report.Reachable,
            ClusterState = report.ClusterState,
            SlotsOk = report.SlotsOk,
            SlotsServed = report.SlotsServed,
            Message = Describe(report, failedPeers),
        }).ToList();
        var healthy = reachable.Count == reports.Length
            && reachable.All(report => report.ClusterState == "ok")
            && covered == TotalSlots
            && failedPeers.Count == 0;
        return new RedisClusterStatus { Healthy = healthy, SlotsCovered = covered, Nodes = nodes };
    }

    private static string? Describe(RedisNodeReport report, HashSet<string> failedPeers)
    {
        if (!report.Reachable)
        {
            return $"unreachable: {report.Error}";
        }

        if (failedPeers.Contains(report.Endpoint))
        {
            return "other nodes flag this master as failing";
        }

        return report.ClusterState == "ok" ? null : $"cluster_state is {report.ClusterState}";
    }
}
