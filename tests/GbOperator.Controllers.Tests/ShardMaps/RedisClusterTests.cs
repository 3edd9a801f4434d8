using GbOperator.Controllers.Tests.TestSupport;
using GbOperator.Resources.ShardMaps;

namespace GbOperator.Controllers.Tests.ShardMaps;

/// <summary>
/// Cluster-mode checks against a real three-master Redis Cluster that each test starts with <c>hack/redis-cluster.sh</c>.
/// The map's one shard is a real PostgreSQL server, so only the cache can make the map degraded.
/// </summary>
public sealed class RedisClusterTests(PostgresShardsFixture postgres) : IClassFixture<PostgresShardsFixture>, IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"gbo-redis-cluster-{Guid.NewGuid():N}");
    private ShardMapHarness _harness = null!;
    private IReadOnlyList<string> _nodes = [];

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        try
        {
            var output = await HackScripts.RunAsync("redis-cluster.sh", "start", _folder);
            _nodes = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1].Trim().Split(',');
        }
        catch
        {
            // xunit skips DisposeAsync when InitializeAsync fails, so the nodes that did start are stopped here.
            await HackScripts.RunAsync("redis-cluster.sh", "stop", _folder);
            Directory.Delete(_folder, recursive: true);
            throw;
        }

        _harness = await ShardMapHarness.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _harness.DisposeAsync();
        await HackScripts.RunAsync("redis-cluster.sh", "stop", _folder);
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Reconcile_HealthyCluster_FullSlotCoverage()
    {
        await _harness.CreateAsync("cache", Spec());

        var map = await _harness.ReconcileAsync("cache");

        var redis = map.Status!.Redis!;
        redis.Healthy.Should().BeTrue();
        redis.SlotsCovered.Should().Be(16384);
        redis.Nodes.Select(node => node.Endpoint).Should().Equal(_nodes);
        redis.Nodes.Should().OnlyContain(node => node.Reachable && node.ClusterState == "ok" && node.SlotsOk == 16384);
        redis.Nodes.Sum(node => node.SlotsServed).Should().Be(16384);
        map.Status.Conditions.Should().ContainSingle(condition => condition.Type == "Degraded").Which.Status.Should().Be("False");
    }

    [Fact]
    public async Task Reconcile_StoppedMaster_ReportsDegraded()
    {
        await _harness.CreateAsync("cache", Spec());
        await _harness.ReconcileAsync("cache");

        await HackScripts.RunAsync("redis-cluster.sh", "stop-node", _folder, "2");
        var map = await _harness.ReconcileAsync("cache");

        var redis = map.Status!.Redis!;
        redis.Healthy.Should().BeFalse();
        redis.SlotsCovered.Should().BeLessThan(16384);
        redis.Nodes[1].Reachable.Should().BeFalse();
        redis.Nodes[1].Message.Should().StartWith("unreachable");
        map.Status.Conditions.Should().ContainSingle(condition => condition.Type == "Degraded").Which.Status.Should().Be("True");
        _harness.Events.Events.Should().Contain(e => e.Type == "Warning" && e.Reason == "CacheDegraded");
    }

    [Fact]
    public async Task Reconcile_MasterMarkedFailed_OthersReportClusterFail()
    {
        await _harness.CreateAsync("cache", Spec());
        await HackScripts.RunAsync("redis-cluster.sh", "stop-node", _folder, "3");

        // The other masters mark the stopped one failed after cluster-node-timeout (2 s), then report cluster_state:fail.
        await Wait.UntilAsync(
            async () => (await _harness.ReconcileAsync("cache")).Status!.Redis!.Nodes.Take(2).All(node => node.ClusterState == "fail"),
            "the remaining masters report cluster_state:fail",
            TimeSpan.FromSeconds(30));

        var redis = (await _harness.GetAsync("cache")).Status!.Redis!;
        redis.Nodes[2].Reachable.Should().BeFalse();
        redis.Nodes[0].Message.Should().Be("cluster_state is fail");
        redis.SlotsCovered.Should().BeLessThan(16384);
    }

    private ShardMapSpec Spec() => new()
    {
        Strategy = ShardingStrategy.Tenant,
        Shards = [new Shard { Name = "shard1", Endpoint = postgres.First }],
        Tenant = new TenantSharding { AutoCreateDatabase = false },
        Redis = new RedisCache { Mode = RedisMode.Cluster, Nodes = _nodes, Replicas = 0 },
    };
}
