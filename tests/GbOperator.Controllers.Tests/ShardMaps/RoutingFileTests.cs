using System.Text.Json.Nodes;
using GbOperator.Controllers.BotClusters;
using GbOperator.Controllers.ShardMaps;
using GbOperator.Controllers.Tests.TestSupport;
using GbOperator.Infrastructure.Lxd;
using GbOperator.Resources;
using GbOperator.Resources.BotClusters;
using GbOperator.Resources.ShardMaps;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;

namespace GbOperator.Controllers.Tests.ShardMaps;

/// <summary>
/// The routing file in the containers of BotClusters that reference a ShardMap, on the real LXD of the local environment,
/// in an LXD project of the test's own.
/// </summary>
public sealed class RoutingFileTests(PostgresShardsFixture postgres) : IClassFixture<PostgresShardsFixture>, IAsyncLifetime
{
    private readonly string _project = $"gbs-{Guid.NewGuid():N}"[..12];
    private LxdClient _lxd = null!;
    private ShardMapHarness _harness = null!;

    public async Task InitializeAsync()
    {
        var socket = await LxdSocketAsync();
        _lxd = new LxdClient(new LxdClientOptions { SocketPath = socket }, NullLogger<LxdClient>.Instance);
        await _lxd.CreateProjectAsync(_project, "GbOperator ShardMap routing test", CancellationToken.None);
        _harness = await ShardMapHarness.StartAsync(socket, _project);
    }

    public async Task DisposeAsync()
    {
        await _harness.DisposeAsync();
        foreach (var instance in await _lxd.ListInstancesAsync(_project, includeState: false, CancellationToken.None))
        {
            // The stand-in exits on SIGPWR at once; a shorter timeout makes LXD force the stop while the graceful one still runs.
            await _lxd.StopInstanceAsync(_project, instance.Name, TimeSpan.FromSeconds(10), CancellationToken.None);
            await _lxd.DeleteInstanceAsync(_project, instance.Name, CancellationToken.None);
        }

        await _lxd.DeleteProjectAsync(_project, CancellationToken.None);
        _lxd.Dispose();
    }

    [Fact]
    public async Task Reconcile_ReferencingClusters_GetRoutingFile()
    {
        var web = await CreateClusterAsync("web", "routes");
        var api = await CreateClusterAsync("api", "routes");
        var other = await CreateClusterAsync("other", null);
        await LaunchAsync("web-1", web);
        await LaunchAsync("web-2", web);
        await LaunchAsync("api-1", api);
        await LaunchAsync("other-1", other);
        await _harness.CreateAsync("routes", HashSpec(2));

        var map = await _harness.ReconcileAsync("routes");

        var version = map.Status!.RoutingVersion!;
        foreach (var instance in new[] { "web-1", "web-2", "api-1" })
        {
            var file = JsonNode.Parse(await ReadRoutingFileAsync(instance))!;
            file["version"]!.GetValue<string>().Should().Be(version, instance);
            file["shards"]!.AsArray().Should().HaveCount(2, instance);
        }

        var unrelated = () => ReadRoutingFileAsync("other-1");
        await unrelated.Should().ThrowAsync<LxdNotFoundException>();
        map.Status.Clusters.Select(cluster => (cluster.Name, cluster.Version, cluster.UpToDateInstances, cluster.Instances))
            .Should().Equal(("api", version, 1, 1), ("web", version, 2, 2));
    }

    [Fact]
    public async Task Reconcile_MapChanged_RewritesFileAndPlansMoves()
    {
        var web = await CreateClusterAsync("web", "routes");
        await LaunchAsync("web-1", web);
        await LaunchAsync("web-2", web);
        await _harness.CreateAsync("routes", HashSpec(2));
        var before = (await _harness.ReconcileAsync("routes")).Status!.RoutingVersion;

        await _harness.UpdateSpecAsync("routes", _ => HashSpec(3));
        var map = await _harness.ReconcileAsync("routes");

        var after = map.Status!.RoutingVersion;
        after.Should().NotBe(before);
        foreach (var instance in new[] { "web-1", "web-2" })
        {
            var file = JsonNode.Parse(await ReadRoutingFileAsync(instance))!;
            file["version"]!.GetValue<string>().Should().Be(after, instance);
            file["shards"]!.AsArray().Should().HaveCount(3, instance);
        }

        map.Status.Clusters.Should().ContainSingle().Which.Version.Should().Be(after);
        var plan = map.Status.Rebalancing!;
        plan.Moves.Should().NotBeEmpty();
        plan.Moves.Should().OnlyContain(move => move.To == "shard3" && move.KeyShare > 0);
        plan.Moves.Sum(move => move.KeyShare!.Value).Should().BeInRange(0.2, 0.45);
        _harness.Events.Events.Should().Contain(e => e.Reason == "RebalancingPlanned");
    }

    [Fact]
    public async Task Reconcile_FileUnchanged_WritesNothing()
    {
        var web = await CreateClusterAsync("web", "routes");
        await LaunchAsync("web-1", web);
        await _harness.CreateAsync("routes", HashSpec(2));
        await _harness.ReconcileAsync("routes");

        await _harness.ReconcileAsync("routes");

        _harness.Events.Events.Count(e => e.Reason == "RoutingPublished").Should().Be(1);
    }

    [Fact]
    public async Task Trigger_NewInstance_GetsFileWithoutMapPass()
    {
        var web = await CreateClusterAsync("web", "routes");
        await LaunchAsync("web-1", web);
        await _harness.CreateAsync("routes", HashSpec(2));
        var version = (await _harness.ReconcileAsync("routes")).Status!.RoutingVersion;
        await LaunchAsync("web-2", web);
        var trigger = new RoutingFileTrigger(_harness.Maps, _lxd, _project, NullLoggerFactory.Instance);

        var result = await trigger.ReconcileAsync(web, CancellationToken.None);

        result.IsFailure.Should().BeFalse();
        var file = JsonNode.Parse(await ReadRoutingFileAsync("web-2"))!;
        file["version"]!.GetValue<string>().Should().Be(version);
    }

    [Fact]
    public async Task Trigger_MapMissing_WritesNothing()
    {
        var web = await CreateClusterAsync("web", "absent");
        await LaunchAsync("web-1", web);
        var trigger = new RoutingFileTrigger(_harness.Maps, _lxd, _project, NullLoggerFactory.Instance);

        var result = await trigger.ReconcileAsync(web, CancellationToken.None);

        result.IsFailure.Should().BeFalse();
        var read = () => ReadRoutingFileAsync("web-1");
        await read.Should().ThrowAsync<LxdNotFoundException>();
    }

    private ShardMapSpec HashSpec(int shards) => new()
    {
        Strategy = ShardingStrategy.Hash,
        Shards = Enumerable.Range(1, shards)
            .Select(i => new Shard { Name = $"shard{i}", Endpoint = i % 2 == 1 ? postgres.First : postgres.Second })
            .ToList(),
        Hash = new HashSharding { ShardCount = shards, Algorithm = HashAlgorithm.Consistent },
    };

    private async Task<BotCluster> CreateClusterAsync(string name, string? shardMap) =>
        await _harness.Clusters.CreateAsync(
            new BotCluster
            {
                Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ShardMapHarness.Namespace },
                Spec = new BotClusterSpec
                {
                    Image = "botserver-standin",
                    ShardMapRef = shardMap is null ? null : new LocalObjectReference { Name = shardMap },
                },
            },
            CancellationToken.None);

    /// <summary>Creates and starts a stand-in instance with the owner keys the BotCluster controller writes.</summary>
    private async Task LaunchAsync(string instance, BotCluster owner)
    {
        var config = new Dictionary<string, string>
        {
            [InstanceKeys.OwnerKind] = BotCluster.KindName,
            [InstanceKeys.OwnerNamespace] = owner.Metadata.NamespaceProperty,
            [InstanceKeys.OwnerName] = owner.Metadata.Name,
            [InstanceKeys.OwnerUid] = owner.Metadata.Uid,
        };
        await _lxd.CreateInstanceAsync(_project, new LxdInstanceSpec { Name = instance, ImageAlias = "botserver-standin", Config = config }, CancellationToken.None);
        await _lxd.StartInstanceAsync(_project, instance, CancellationToken.None);
    }

    private async Task<string> ReadRoutingFileAsync(string instance) =>
        System.Text.Encoding.UTF8.GetString(await _lxd.ReadFileAsync(_project, instance, RoutingTable.FilePath, CancellationToken.None));

    /// <summary>Returns <c>LXD_SOCKET</c>, or runs <c>hack/env-up.sh</c>, which starts LXD when needed, and reads it from its output.</summary>
    private static async Task<string> LxdSocketAsync()
    {
        if (Environment.GetEnvironmentVariable("LXD_SOCKET") is { Length: > 0 } socket)
        {
            return socket;
        }

        var exports = await HackScripts.RunAsync("env-up.sh");
        var line = exports.Split('\n').FirstOrDefault(candidate => candidate.StartsWith("export LXD_SOCKET=", StringComparison.Ordinal))
            ?? throw new InvalidOperationException("hack/env-up.sh printed no LXD_SOCKET");
        return line["export LXD_SOCKET=".Length..].Trim().Trim('\'', '"');
    }
}
