using GbOperator.Controllers.BotClusters;
using GbOperator.Infrastructure.Lxd;
using GbOperator.Infrastructure.Tests;

namespace GbOperator.EndToEnd.Tests;

[Collection(EndToEndCollection.Name)]
public sealed class BotClusterScalingTests(EndToEndFixture services)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task ScaleDown_UnderLoad_DrainsWithoutFailedRequests()
    {
        await using var environment = await OperatorTestEnvironment.StartAsync(services);
        int listenPort = FreePort.Next();
        await environment.CreateAsync(environment.NewCluster("shrink", 3, listenPort));
        await environment.WaitForStatusAsync("shrink", c => OperatorTestEnvironment.IsReady(c, 3), Deadline, "3 instances are ready");
        await using var sampler = new RouteSampler(environment, "shrink", TimeSpan.FromSeconds(90));
        await using var loop = new RequestLoop(new Uri($"http://127.0.0.1:{listenPort}/api/whoami"), maxRequests: 3000, TimeSpan.FromSeconds(90));

        await environment.UpdateSpecAsync("shrink", spec => spec with { Replicas = 1 });
        var cluster = await environment.WaitForStatusAsync("shrink", c => OperatorTestEnvironment.IsReady(c, 1), Deadline, "1 instance is ready");
        await Wait.UntilAsync(async () => (await environment.ListInstancesAsync()).Count == 1, Deadline, "the drained instances are deleted");
        await loop.StopAsync();
        await sampler.StopAsync();

        loop.Failures.Should().BeEmpty();
        loop.Succeeded.Should().BeGreaterThan(0);
        sampler.Samples.Should().BeGreaterThan(0);
        sampler.Violations.Should().BeEmpty();
        cluster.Status!.Replicas.Should().Be(1);
        (await BotClusterLifecycleTests.RequestInstanceNamesAsync(listenPort, count: 5)).Should().ContainSingle();
    }

    [Fact]
    public async Task MemoryLimit_Changed_ReplacesOneByOne()
    {
        await using var environment = await OperatorTestEnvironment.StartAsync(services);
        int listenPort = FreePort.Next();
        await environment.CreateAsync(environment.NewCluster("roll", 2, listenPort));
        await environment.WaitForStatusAsync("roll", c => OperatorTestEnvironment.IsReady(c, 2), Deadline, "2 instances are ready");
        var original = (await environment.ListInstancesAsync()).Select(instance => instance.Name).ToHashSet();
        await using var sampler = new RouteSampler(environment, "roll", TimeSpan.FromSeconds(110));
        int maxInstances = 0;

        await environment.UpdateSpecAsync("roll", spec => spec with { Limits = spec.Limits with { Memory = "320MiB" } });
        await Wait.UntilAsync(
            async () =>
            {
                var instances = await environment.ListInstancesAsync();
                maxInstances = Math.Max(maxInstances, instances.Count);
                return instances.Count == 2 && instances.All(instance => !original.Contains(instance.Name) && instance.Config["limits.memory"] == "320MiB");
            },
            Deadline,
            "both instances are replaced by ones with the new memory limit");
        await environment.WaitForStatusAsync("roll", c => OperatorTestEnvironment.IsReady(c, 2), Deadline, "2 new instances are ready");
        await sampler.StopAsync();

        maxInstances.Should().BeLessThanOrEqualTo(3);
        sampler.MinimumRouted.Should().BeGreaterThanOrEqualTo(2);
        sampler.Violations.Should().BeEmpty();
    }

    [Fact]
    public async Task Controllers_RestartedMidScaleUp_AdoptWithoutDuplicates()
    {
        await using var environment = await OperatorTestEnvironment.StartAsync(services);
        int listenPort = FreePort.Next();
        var cluster = await environment.CreateAsync(environment.NewCluster("adopt", 1, listenPort));
        cluster = await environment.WaitForStatusAsync("adopt", c => OperatorTestEnvironment.IsReady(c, 1), Deadline, "1 instance is ready");
        await LaunchStrangerAsync(environment, "stranger", new Dictionary<string, string>());
        await LaunchStrangerAsync(environment, "orphan", new Dictionary<string, string>
        {
            ["user.gbo.owner-kind"] = "BotCluster",
            ["user.gbo.owner-namespace"] = "default",
            ["user.gbo.owner-name"] = "adopt",
            ["user.gbo.owner-uid"] = "00000000-0000-0000-0000-000000000000",
        });

        await environment.UpdateSpecAsync("adopt", spec => spec with { Replicas = 4 });
        await Wait.UntilAsync(
            async () => (await environment.ListInstancesAsync()).Count(instance => instance.Config.GetValueOrDefault("user.gbo.owner-uid") == cluster.Metadata.Uid) >= 2,
            Deadline,
            "the scale-up has created a second instance");
        await environment.StopControllersAsync();
        await environment.StartControllersAsync();

        await environment.WaitForStatusAsync("adopt", c => OperatorTestEnvironment.IsReady(c, 4), Deadline, "4 instances are ready");
        await Wait.UntilAsync(
            async () => (await environment.ListInstancesAsync()).All(instance => instance.Name != "orphan"),
            Deadline,
            "the orphan is deleted");
        var instances = await environment.ListInstancesAsync();
        var owned = instances.Where(instance => instance.Config.GetValueOrDefault("user.gbo.owner-uid") == cluster.Metadata.Uid).ToList();
        owned.Should().HaveCount(4);
        owned.Select(instance => instance.Config["user.gbo.host-port"]).Should().OnlyHaveUniqueItems();
        instances.Should().ContainSingle(instance => instance.Name == "stranger");
        instances.Should().HaveCount(5);
        (await BotClusterLifecycleTests.RequestInstanceNamesAsync(listenPort, count: 40)).Should().HaveCount(4);
    }

    [Fact]
    public async Task StoppedInstance_AfterRestart_IsAdopted()
    {
        await using var environment = await OperatorTestEnvironment.StartAsync(services);
        int listenPort = FreePort.Next();
        var cluster = await environment.CreateAsync(environment.NewCluster("resume", 0, listenPort));
        cluster = await environment.WaitForStatusAsync("resume", c => OperatorTestEnvironment.IsReady(c, 0), Deadline, "the empty cluster is ready");
        await environment.StopControllersAsync();
        // The state a crash between creating and starting an instance leaves behind.
        int hostPort = FreePort.Next();
        await environment.Lxd.CreateInstanceAsync(
            environment.Project,
            new LxdInstanceSpec
            {
                Name = "resume-left",
                ImageAlias = "botserver-standin",
                Config = new Dictionary<string, string>
                {
                    ["user.gbo.owner-kind"] = "BotCluster",
                    ["user.gbo.owner-namespace"] = "default",
                    ["user.gbo.owner-name"] = "resume",
                    ["user.gbo.owner-uid"] = cluster.Metadata.Uid,
                    ["user.gbo.host-port"] = hostPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["user.gbo.spec-hash"] = SpecHash.Compute(cluster.Spec with { Replicas = 1 }),
                    ["limits.cpu"] = "1",
                    ["limits.memory"] = "256MiB",
                },
                Devices = new Dictionary<string, IReadOnlyDictionary<string, string>> { ["botserver"] = LxdDevices.Proxy(hostPort, 8080) },
            },
            CancellationToken.None);

        await environment.UpdateSpecAsync("resume", spec => spec with { Replicas = 1 });
        await environment.StartControllersAsync();

        var ready = await environment.WaitForStatusAsync("resume", c => OperatorTestEnvironment.IsReady(c, 1), Deadline, "1 instance is ready");
        var instances = await environment.ListInstancesAsync();
        instances.Should().ContainSingle().Which.Name.Should().Be("resume-left");
        instances[0].IsRunning.Should().BeTrue();
        ready.Status!.Instances.Single().HostPort.Should().Be(hostPort);
        (await BotClusterLifecycleTests.RequestInstanceNamesAsync(listenPort, count: 3)).Should().Equal("resume-left");
    }

    /// <summary>Creates a stopped instance by hand, as another tool or an earlier cluster with the same name would.</summary>
    private static Task LaunchStrangerAsync(OperatorTestEnvironment environment, string name, IReadOnlyDictionary<string, string> config) =>
        environment.Lxd.CreateInstanceAsync(
            environment.Project,
            new LxdInstanceSpec { Name = name, ImageAlias = "botserver-standin", Config = config },
            CancellationToken.None);
}
