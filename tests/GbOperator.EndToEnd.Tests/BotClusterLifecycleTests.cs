using System.Text.Json.Nodes;
using GbOperator.Controllers.BotClusters;
using GbOperator.Infrastructure.Caddy;
using GbOperator.Infrastructure.Lxd;
using GbOperator.Infrastructure.Tests;
using GbOperator.Resources.BotClusters;

namespace GbOperator.EndToEnd.Tests;

[Collection(EndToEndCollection.Name)]
public sealed class BotClusterLifecycleTests(EndToEndFixture services)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task BotCluster_ThreeReplicas_AllReachable()
    {
        await using var environment = await OperatorTestEnvironment.StartAsync(services);
        int listenPort = FreePort.Next();

        var spec = environment.NewCluster("web", 3, listenPort);
        await environment.CreateAsync(spec with
        {
            Spec = spec.Spec with
            {
                Limits = spec.Spec.Limits with { DiskPriority = 5, Network = new NetworkLimits { Ingress = "100Mbit" } },
            },
        });
        var cluster = await environment.WaitForStatusAsync("web", c => OperatorTestEnvironment.IsReady(c, 3), Deadline, "3 instances are ready");

        var instances = await environment.ListInstancesAsync();
        instances.Should().HaveCount(3);
        instances.Should().OnlyContain(instance => instance.IsRunning);
        instances.Should().OnlyContain(instance => instance.Config["user.gbo.owner-uid"] == cluster.Metadata.Uid);
        instances.Should().OnlyContain(instance => instance.Config["limits.memory"] == "256MiB");
        cluster.Status!.Instances.Should().OnlyContain(instance => instance.HostPort != null && instance.Ready && !instance.Draining);
        var limits = cluster.Status.Conditions!.Single(condition => condition.Type == "LimitsApplied");
        limits.Status.Should().Be("False");
        limits.Message.Should().Contain("limits.disk.priority").And.Contain("limits.network");
        var names = await RequestInstanceNamesAsync(listenPort, count: 30);
        names.Should().BeEquivalentTo(instances.Select(instance => instance.Name));

        // Events are written in the background and in no fixed order, so they may arrive after the status.
        IReadOnlyList<string> reasons = [];
        await Wait.UntilAsync(
            async () =>
            {
                reasons = await environment.ListEventReasonsAsync("web");
                return reasons.Count(reason => reason == "InstanceReady") >= 3
                    && reasons.Count(reason => reason == "InstanceCreated") >= 3;
            },
            Deadline,
            "three InstanceReady and three InstanceCreated events are recorded");
        reasons.Count(reason => reason == "InstanceReady").Should().Be(3);
        reasons.Count(reason => reason == "InstanceCreated").Should().Be(3);
        reasons.Should().Contain(["ScaledUp", "InstanceStarted", "RoutesUpdated"]);
    }

    [Fact]
    public async Task BotCluster_SameListenAddress_NewerReportsInUse()
    {
        await using var environment = await OperatorTestEnvironment.StartAsync(services);
        int listenPort = FreePort.Next();
        await environment.CreateAsync(environment.NewCluster("first", 1, listenPort));
        await environment.WaitForStatusAsync("first", c => OperatorTestEnvironment.IsReady(c, 1), Deadline, "first is ready");

        await environment.CreateAsync(environment.NewCluster("second", 1, listenPort));
        var second = await environment.WaitForStatusAsync(
            "second",
            c => c.Status?.Conditions?.Any(condition => condition.Type == "Ready" && condition.Reason == "ListenAddressInUse") == true,
            Deadline,
            "second reports that first uses the address");

        var ready = second.Status!.Conditions!.Single(condition => condition.Type == "Ready");
        ready.Status.Should().Be("False");
        ready.Message.Should().Contain("default/first").And.Contain($"127.0.0.1:{listenPort}");
        (await environment.GetCaddyServerAsync("second")).Should().BeNull();

        // The first cluster keeps serving and its next changes still reach Caddy.
        await environment.UpdateSpecAsync("first", spec => spec with { Replicas = 2 });
        var first = await environment.WaitForStatusAsync("first", c => OperatorTestEnvironment.IsReady(c, 2), Deadline, "first scales to 2 behind its routes");
        var names = await RequestInstanceNamesAsync(listenPort, count: 20);
        names.Should().BeEquivalentTo(first.Status!.Instances!.Select(instance => instance.Name));
        await Wait.UntilAsync(
            async () => (await environment.ListEventReasonsAsync("second")).Contains("ListenAddressInUse"),
            Deadline,
            "a ListenAddressInUse event is recorded for second");
    }

    [Fact]
    public async Task BotCluster_HealthCheckFailing_DegradedNamesStatusCode()
    {
        await using var environment = await OperatorTestEnvironment.StartAsync(services);
        var spec = environment.NewCluster("nodb", 1, FreePort.Next());

        // The stand-in's /api/health reports 503 while it has no database.
        await environment.CreateAsync(spec with { Spec = spec.Spec with { HealthCheck = spec.Spec.HealthCheck with { Path = "/api/health" } } });
        var cluster = await environment.WaitForStatusAsync(
            "nodb",
            c => c.Status?.Conditions?.Any(condition => condition.Type == "Degraded" && condition.Reason == "HealthCheckFailing") == true,
            Deadline,
            "Degraded reports the failing health check");

        var degraded = cluster.Status!.Conditions!.Single(condition => condition.Type == "Degraded");
        degraded.Status.Should().Be("True");
        degraded.Message.Should().Contain("HTTP 503 from /api/health");
        cluster.Status.Conditions!.Single(condition => condition.Type == "Ready").Status.Should().Be("False");
        await Wait.UntilAsync(
            async () => (await environment.ListEventsAsync("nodb")).Any(e => e.Reason == "HealthCheckFailing" && e.Message.Contains("HTTP 503", StringComparison.Ordinal)),
            Deadline,
            "a HealthCheckFailing event with the status code is recorded");
    }

    [Fact]
    public async Task BotCluster_Deleted_LeavesOthersUntouched()
    {
        await using var environment = await OperatorTestEnvironment.StartAsync(services);
        int keptPort = FreePort.Next();
        int deletedPort = FreePort.Next();
        await environment.CreateAsync(environment.NewCluster("kept", 1, keptPort));
        await environment.CreateAsync(environment.NewCluster("gone", 2, deletedPort));
        await environment.WaitForStatusAsync("kept", c => OperatorTestEnvironment.IsReady(c, 1), Deadline, "kept is ready");
        var gone = await environment.WaitForStatusAsync("gone", c => OperatorTestEnvironment.IsReady(c, 2), Deadline, "gone is ready");

        await environment.Clusters.DeleteAsync("default", "gone", CancellationToken.None);
        await Wait.UntilAsync(
            async () => await environment.Clusters.GetAsync("default", "gone", CancellationToken.None) is null,
            Deadline,
            "the finalizer is removed and the BotCluster is gone");

        var instances = await environment.ListInstancesAsync();
        instances.Should().ContainSingle();
        instances[0].Config["user.gbo.owner-name"].Should().Be("kept");
        (await environment.GetCaddyServerAsync("gone")).Should().BeNull();
        (await environment.GetCaddyServerAsync("kept")).Should().NotBeNull();
        (await RequestInstanceNamesAsync(keptPort, count: 3)).Should().ContainSingle();
        gone.Status!.Instances.Should().HaveCount(2);
    }

    [Fact]
    public async Task Instance_DeletedByHand_IsReplaced()
    {
        await using var environment = await OperatorTestEnvironment.StartAsync(services);
        int listenPort = FreePort.Next();
        await environment.CreateAsync(environment.NewCluster("heal", 2, listenPort));
        await environment.WaitForStatusAsync("heal", c => OperatorTestEnvironment.IsReady(c, 2), Deadline, "2 instances are ready");
        string victim = (await environment.ListInstancesAsync())[0].Name;

        await environment.Lxd.StopInstanceAsync(environment.Project, victim, TimeSpan.Zero, CancellationToken.None);
        await environment.Lxd.DeleteInstanceAsync(environment.Project, victim, CancellationToken.None);

        var cluster = await environment.WaitForStatusAsync(
            "heal",
            c => OperatorTestEnvironment.IsReady(c, 2) && c.Status!.Instances.All(instance => instance.Name != victim),
            Deadline,
            "a new instance replaces the deleted one");
        var instances = await environment.ListInstancesAsync();
        instances.Select(instance => instance.Name).Should().BeEquivalentTo(cluster.Status!.Instances.Select(instance => instance.Name));
        (await RequestInstanceNamesAsync(listenPort, count: 10)).Should().NotContain(victim);
    }

    [Fact]
    public async Task Instance_StaysUnhealthy_IsReplaced()
    {
        await using var environment = await OperatorTestEnvironment.StartAsync(services);
        int listenPort = FreePort.Next();
        var spec = environment.NewCluster("sick", 2, listenPort);
        // With DB_CHECK=tcp and DATABASE_URL at its own port, the stand-in's /api/health passes without PostgreSQL.
        await environment.CreateAsync(spec with
        {
            Spec = spec.Spec with
            {
                Env = new Dictionary<string, string> { ["DB_CHECK"] = "tcp", ["DATABASE_URL"] = "127.0.0.1:8080" },
                HealthCheck = spec.Spec.HealthCheck with { Path = "/api/health" },
            },
        });
        await environment.WaitForStatusAsync("sick", c => OperatorTestEnvironment.IsReady(c, 2), Deadline, "2 instances are ready");
        string victim = (await environment.ListInstancesAsync())[0].Name;

        await environment.Lxd.PushFileAsync(
            environment.Project, victim, "/opt/gbo/health-override", "degraded\n"u8.ToArray(), LxdFileOwnership.RootReadable, CancellationToken.None);

        await environment.WaitForStatusAsync(
            "sick",
            c => OperatorTestEnvironment.IsReady(c, 2) && c.Status!.Instances.All(instance => instance.Name != victim),
            Deadline,
            "a new instance replaces the unhealthy one");
        (await environment.ListInstancesAsync()).Should().NotContain(instance => instance.Name == victim);
        (await RequestInstanceNamesAsync(listenPort, count: 10)).Should().NotContain(victim);
    }

    [Fact]
    public async Task CaddyConfig_LoadedEmpty_RoutesComeBack()
    {
        await using var environment = await OperatorTestEnvironment.StartAsync(services);
        int listenPort = FreePort.Next();
        await environment.CreateAsync(environment.NewCluster("routes", 1, listenPort));
        await environment.WaitForStatusAsync("routes", c => OperatorTestEnvironment.IsReady(c, 1), Deadline, "1 instance is ready");
        var expected = await environment.GetCaddyServerAsync("routes");

        var root = await environment.Caddy.GetAsync(CaddyConfigPath.Root, CancellationToken.None);
        await environment.Caddy.LoadAsync(new JsonObject { ["admin"] = root.Value!["admin"]!.DeepClone() }, CancellationToken.None);

        await Wait.UntilAsync(
            async () => JsonNode.DeepEquals(await environment.GetCaddyServerAsync("routes"), expected),
            Deadline,
            "the reconciler restores the Caddy server");
        (await RequestInstanceNamesAsync(listenPort, count: 3)).Should().ContainSingle();
    }

    [Fact]
    public async Task Routes_Unchanged_AreNotRewritten()
    {
        await using var environment = await OperatorTestEnvironment.StartAsync(services);
        int listenPort = FreePort.Next();
        await environment.CreateAsync(environment.NewCluster("steady", 1, listenPort));
        await environment.WaitForStatusAsync("steady", c => OperatorTestEnvironment.IsReady(c, 1), Deadline, "1 instance is ready");
        var before = await environment.Caddy.GetAsync(CaddyConfigPath.Root, CancellationToken.None);

        // Three health intervals of 2 s each give the reconciler three passes over a converged cluster.
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(6);
        await Wait.UntilAsync(() => Task.FromResult(DateTime.UtcNow >= until), TimeSpan.FromSeconds(10), "6 seconds pass");

        var after = await environment.Caddy.GetAsync(CaddyConfigPath.Root, CancellationToken.None);
        after.ETag.Should().Be(before.ETag);
    }

    /// <summary>Sends up to <paramref name="count"/> requests to /api/whoami through Caddy and returns the instance names.</summary>
    internal static async Task<HashSet<string>> RequestInstanceNamesAsync(int listenPort, int count)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < count; i++)
        {
            string body = await http.GetStringAsync(new Uri($"http://127.0.0.1:{listenPort}/api/whoami"));
            names.Add(body.Trim());
        }

        return names;
    }
}
