using System.Text.Json.Nodes;
using GbOperator.Controllers.BotClusters;
using GbOperator.Controllers.Runtime;
using GbOperator.Infrastructure.Caddy;
using GbOperator.Infrastructure.Lxd;
using GbOperator.Infrastructure.Tests;
using GbOperator.Resources;
using GbOperator.Resources.BotClusters;
using k8s.Models;

namespace GbOperator.EndToEnd.Tests;

/// <summary>
/// The compiled <c>gb-operator serve</c> run as a child process on a SQLite file, stopped with SIGKILL or SIGTERM
/// and started again on the same store.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class OperatorProcessTests(EndToEndFixture services) : IAsyncLifetime
{
    private const string ClusterName = "crash";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(120);

    private readonly string _folder = Directory.CreateTempSubdirectory("gbo-e2e-process-").FullName;
    private readonly string _project = $"gbp-{Guid.NewGuid():N}"[..12];
    private readonly List<OperatorProcess> _processes = [];
    private readonly List<HttpClient> _apiClients = [];
    private LxdClient _lxd = null!;
    private CaddyAdminClient _caddy = null!;

    private string StoreUrl => $"sqlite://{_folder}/state.db";

    public Task InitializeAsync()
    {
        _lxd = new LxdClient(new LxdClientOptions { SocketPath = services.LxdSocket });
        _caddy = new CaddyAdminClient(new CaddyAdminClientOptions { AdminUrl = services.CaddyAdminUrl });
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Operator_KilledDuringScaleUp_ConvergesAfterRestart()
    {
        int listenPort = FreePort.Next();
        var first = await StartOperatorAsync();
        var clusters = ClientFor(first);
        var created = await clusters.CreateAsync(NewCluster(replicas: 3, listenPort), CancellationToken.None);
        await Wait.UntilAsync(
            async () => (await ListOwnedAsync(created.Metadata.Uid)).Count is >= 1 and < 3,
            Deadline,
            "gb-operator has created some but not all of the 3 instances");

        await first.KillAsync();
        var second = await StartOperatorAsync();
        clusters = ClientFor(second);
        var cluster = await WaitForClusterAsync(clusters, c => OperatorTestEnvironment.IsReady(c, 3), "the restarted operator makes 3 replicas ready");
        using var probe = new HttpClient { BaseAddress = second.ApiServer };
        var health = await probe.GetAsync("/healthz");

        health.StatusCode.Should().Be(System.Net.HttpStatusCode.OK);
        var instances = await _lxd.ListInstancesAsync(_project, includeState: false, CancellationToken.None);
        instances.Should().HaveCount(3);
        instances.Should().OnlyContain(instance => instance.Config.GetValueOrDefault("user.gbo.owner-kind") == "BotCluster");
        instances.Should().OnlyContain(instance => instance.Config.GetValueOrDefault("user.gbo.owner-namespace") == "default");
        instances.Should().OnlyContain(instance => instance.Config.GetValueOrDefault("user.gbo.owner-name") == ClusterName);
        instances.Should().OnlyContain(instance => instance.Config.GetValueOrDefault("user.gbo.owner-uid") == cluster.Metadata.Uid);
        instances.Should().OnlyContain(instance => instance.IsRunning);
        instances.Select(instance => instance.Config["user.gbo.host-port"]).Should().OnlyHaveUniqueItems();
        var names = await BotClusterLifecycleTests.RequestInstanceNamesAsync(listenPort, count: 30);
        names.Should().BeEquivalentTo(instances.Select(instance => instance.Name));

        await clusters.DeleteAsync("default", ClusterName, CancellationToken.None);
        await Wait.UntilAsync(
            async () => await clusters.GetAsync("default", ClusterName, CancellationToken.None) is null,
            Deadline,
            "the BotCluster is deleted");
        await Wait.UntilAsync(
            async () => (await _lxd.ListInstancesAsync(_project, includeState: false, CancellationToken.None)).Count == 0,
            Deadline,
            "every instance of the deleted BotCluster is gone");
    }

    [Fact]
    public async Task Operator_Metrics_ServeClusterSizeAndControllerWork()
    {
        int listenPort = FreePort.Next();
        var process = await StartOperatorAsync();
        var clusters = ClientFor(process);
        await clusters.CreateAsync(NewCluster(replicas: 1, listenPort), CancellationToken.None);
        await WaitForClusterAsync(clusters, c => OperatorTestEnvironment.IsReady(c, 1), "1 replica is ready");
        using var scraper = new HttpClient { BaseAddress = process.ApiServer };

        using var response = await scraper.GetAsync("/metrics");
        string text = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(System.Net.HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/plain");
        text.Should().Contain($"gbo_botcluster_instances{{namespace=\"default\",name=\"{ClusterName}\"}} 1");
        text.Should().Contain($"gbo_botcluster_desired_instances{{namespace=\"default\",name=\"{ClusterName}\"}} 1");
        text.Should().Contain("gbo_controller_reconciles_total{controller=\"botclusters\",outcome=\"success\"}");
        text.Should().Contain("gbo_controller_reconcile_duration_seconds_count{controller=\"botclusters\"}");
        text.Should().Contain("gbo_controller_workqueue_depth{controller=\"autoscaler\"}");
    }

    [Fact]
    public async Task Operator_Terminated_ExitsZeroAndLeavesClusterServing()
    {
        int listenPort = FreePort.Next();
        var process = await StartOperatorAsync();
        var clusters = ClientFor(process);
        await clusters.CreateAsync(NewCluster(replicas: 2, listenPort), CancellationToken.None);
        var cluster = await WaitForClusterAsync(clusters, c => OperatorTestEnvironment.IsReady(c, 2), "2 replicas are ready");

        await process.TerminateAsync();
        bool exited = await process.WaitForExitAsync(TimeSpan.FromSeconds(45));

        exited.Should().BeTrue("gb-operator stops within 45 seconds of SIGTERM; its output was:{0}{1}", Environment.NewLine, process.Output);
        process.ExitCode.Should().Be(0, "its output was:{0}{1}", Environment.NewLine, process.Output);
        var instances = await _lxd.ListInstancesAsync(_project, includeState: false, CancellationToken.None);
        instances.Select(instance => instance.Name).Should().BeEquivalentTo(cluster.Status!.Instances.Select(instance => instance.Name));
        instances.Should().OnlyContain(instance => instance.IsRunning);
        var names = await BotClusterLifecycleTests.RequestInstanceNamesAsync(listenPort, count: 20);
        names.Should().BeEquivalentTo(instances.Select(instance => instance.Name));
    }

    public async Task DisposeAsync()
    {
        foreach (var process in _processes)
        {
            await process.DisposeAsync();
        }

        foreach (var client in _apiClients)
        {
            client.Dispose();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            if (await _lxd.ProjectExistsAsync(_project, timeout.Token))
            {
                foreach (var instance in await _lxd.ListInstancesAsync(_project, includeState: false, timeout.Token))
                {
                    await _lxd.StopInstanceAsync(_project, instance.Name, TimeSpan.FromSeconds(5), timeout.Token);
                    await _lxd.DeleteInstanceAsync(_project, instance.Name, timeout.Token);
                }

                await _lxd.DeleteProjectAsync(_project, timeout.Token);
            }

            await RemoveCaddyServerAsync(timeout.Token);
        }
        finally
        {
            _lxd.Dispose();
            _caddy.Dispose();
            Directory.Delete(_folder, recursive: true);
        }
    }

    private async Task<OperatorProcess> StartOperatorAsync()
    {
        var process = OperatorProcess.Start(StoreUrl, services.LxdSocket, _project, services.CaddyAdminUrl);
        _processes.Add(process);
        await process.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
        return process;
    }

    private HttpResourceClient<BotCluster> ClientFor(OperatorProcess process)
    {
        var http = new HttpClient { BaseAddress = process.ApiServer, Timeout = TimeSpan.FromSeconds(30) };
        _apiClients.Add(http);
        return new HttpResourceClient<BotCluster>(http, ResourceCatalog.BotClusters.Plural);
    }

    private async Task<List<LxdInstance>> ListOwnedAsync(string uid)
    {
        if (!await _lxd.ProjectExistsAsync(_project, CancellationToken.None))
        {
            return [];
        }

        var instances = await _lxd.ListInstancesAsync(_project, includeState: false, CancellationToken.None);
        return [.. instances.Where(instance => instance.Config.GetValueOrDefault("user.gbo.owner-uid") == uid)];
    }

    private static async Task<BotCluster> WaitForClusterAsync(
        HttpResourceClient<BotCluster> clusters, Func<BotCluster, bool> condition, string description)
    {
        BotCluster? cluster = null;
        await Wait.UntilAsync(
            async () =>
            {
                cluster = await clusters.GetAsync("default", ClusterName, CancellationToken.None);
                return cluster is not null && condition(cluster);
            },
            Deadline,
            description);
        return cluster!;
    }

    /// <summary>A stand-in cluster checked on /health, which passes without a database.</summary>
    private static BotCluster NewCluster(int replicas, int listenPort) => new()
    {
        Metadata = new V1ObjectMeta { Name = ClusterName, NamespaceProperty = "default" },
        Spec = new BotClusterSpec
        {
            Image = "botserver-standin",
            Replicas = replicas,
            Port = 8080,
            Limits = new ContainerLimits { Cpu = "1", Memory = "256MiB" },
            HealthCheck = new HealthCheckSpec { Path = "/health", Interval = "2s", Timeout = "2s", Retries = 2 },
            DrainTimeout = "20s",
            Routing = new RoutingSpec { ListenAddress = $"127.0.0.1:{listenPort}" },
        },
    };

    /// <summary>Removes the cluster's Caddy server, which a terminated or killed operator leaves behind.</summary>
    private async Task RemoveCaddyServerAsync(CancellationToken cancellationToken)
    {
        string id = CaddyServerBuilder.ServerId("default", ClusterName);
        var root = await _caddy.GetAsync(CaddyConfigPath.Root, cancellationToken);
        if (root.Value?["apps"]?["http"]?["servers"] is not JsonObject servers || !servers.ContainsKey(id))
        {
            return;
        }

        var updated = (JsonObject)root.Value.DeepClone();
        ((JsonObject)updated["apps"]!["http"]!["servers"]!).Remove(id);
        await _caddy.PostAsync(CaddyConfigPath.Root, updated, root.ETag, cancellationToken);
    }
}
