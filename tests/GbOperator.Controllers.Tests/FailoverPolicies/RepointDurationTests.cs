using GbOperator.Controllers.FailoverPolicies;
using GbOperator.Resources;
using GbOperator.Resources.BotClusters;
using GbOperator.Resources.FailoverPolicies;

namespace GbOperator.Controllers.Tests.FailoverPolicies;

public sealed class RepointDurationTests
{
    private static readonly DateTime Failover = new(2026, 12, 1, 10, 0, 0, DateTimeKind.Utc);

    private static readonly FailoverPolicyStatus Status = new() { Primary = "127.0.0.1:5001", CacheMaster = "127.0.0.1:6001", LastFailoverTime = Failover };

    [Fact]
    public void Compute_AllClustersCaughtUp_MeasuresTheLast()
    {
        var clusters = new[] { Cluster("127.0.0.1:5001", "127.0.0.1:6001", Failover.AddMilliseconds(400)), Cluster("127.0.0.1:5001", "127.0.0.1:6001", Failover.AddMilliseconds(900)) };

        RepointDuration.Compute(Status, clusters, watchesDatabase: true, watchesCache: true).Should().Be("0.9s");
    }

    [Fact]
    public void Compute_OneClusterOnOldPrimary_ReturnsNull()
    {
        var clusters = new[] { Cluster("127.0.0.1:5001", "127.0.0.1:6001", Failover.AddSeconds(1)), Cluster("127.0.0.1:5000", "127.0.0.1:6001", Failover.AddSeconds(1)) };

        RepointDuration.Compute(Status, clusters, true, true).Should().BeNull();
    }

    [Fact]
    public void Compute_RepointedBeforeFailover_ReturnsNull()
    {
        var clusters = new[] { Cluster("127.0.0.1:5001", "127.0.0.1:6001", Failover.AddSeconds(-1)) };

        RepointDuration.Compute(Status, clusters, true, true).Should().BeNull();
    }

    [Fact]
    public void Compute_CacheNotWatched_IgnoresCacheEndpoint()
    {
        var clusters = new[] { Cluster("127.0.0.1:5001", null, Failover.AddSeconds(2)) };

        RepointDuration.Compute(Status, clusters, watchesDatabase: true, watchesCache: false).Should().Be("2s");
    }

    [Fact]
    public void Compute_NoReferencingCluster_ReturnsNull()
    {
        RepointDuration.Compute(Status, [], true, true).Should().BeNull();
    }

    private static BotCluster Cluster(string? database, string? cache, DateTime repointedAt) => new()
    {
        Spec = new BotClusterSpec { FailoverPolicyRef = new LocalObjectReference { Name = "db" } },
        Status = new BotClusterStatus { Endpoints = new EndpointsStatus { Database = database, Cache = cache, RepointedAt = repointedAt } },
    };
}
