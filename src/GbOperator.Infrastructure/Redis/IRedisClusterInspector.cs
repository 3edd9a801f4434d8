namespace GbOperator.Infrastructure.Redis;

/// <summary>Reads <c>CLUSTER INFO</c> and <c>CLUSTER NODES</c> from Redis Cluster nodes.</summary>
public interface IRedisClusterInspector
{
    /// <summary>Asks <paramref name="endpoint"/> about the cluster. An unreachable node is reported, not thrown.</summary>
    Task<RedisNodeReport> InspectAsync(string endpoint, CancellationToken cancellationToken);
}
