using System.Net;
using System.Text;
using GbOperator.Infrastructure.Lxd;
using GbOperator.Infrastructure.Tests;
using GbOperator.Resources;
using GbOperator.Resources.BotClusters;
using GbOperator.Resources.FailoverPolicies;
using k8s.Models;
using Xunit.Abstractions;

namespace GbOperator.EndToEnd.Tests.Failover;

/// <summary>
/// Re-pointing of the instances' database and cache endpoints, checked from inside each container's network
/// namespace against two real PostgreSQL and two real Redis servers. The tests set the FailoverPolicy status by
/// hand, as the FailoverPolicy controller does when Patroni or Sentinel moves the primary.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class EndpointRepointTests(EndToEndFixture services, ITestOutputHelper output) : IAsyncLifetime
{
    private const string PolicyName = "backends";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private BackendServers? _servers;

    private BackendServers Servers => _servers ?? throw new InvalidOperationException("The servers are not started.");

    public async Task InitializeAsync() => _servers = await BackendServers.StartAsync();

    public async Task DisposeAsync()
    {
        if (_servers is not null)
        {
            await _servers.DisposeAsync();
        }
    }

    [Fact]
    public async Task Repoint_PrimaryAndMasterMove_TrafficFollows()
    {
        await using var environment = await OperatorTestEnvironment.StartAsync(services);
        await CreatePolicyAsync(environment, Servers.PostgresA, Servers.RedisA);
        await CreateClusterAsync(environment, "moving", replicas: 2);
        await environment.WaitForStatusAsync(
            "moving",
            cluster => OperatorTestEnvironment.IsReady(cluster, 2) && PointsAt(cluster, Servers.PostgresA, Servers.RedisA),
            Deadline,
            "two instances are ready with endpoints on server A");

        var containers = await EnterContainersAsync(environment);
        foreach (var container in containers)
        {
            (await container.QueryPostgresAsync("select name from marker")).Text.Should().Be("A", $"{container.Instance} reaches PostgreSQL A");
            (await container.RedisAsync("get", "marker")).Text.Should().Be("A", $"{container.Instance} reaches Redis A");
            string env = await ReadEnvAsync(environment, container.Instance);
            env.Should().Contain("DATABASE_URL=postgres://127.0.0.1:5432/\n").And.Contain("CACHE_URL=redis://127.0.0.1:6379/\n");
        }

        using var heldPostgres = containers[0].HoldPostgres("gbo-held");
        using var heldRedis = containers[0].HoldRedis();
        await heldRedis.SendAsync("client setname gbo-held");
        await Wait.UntilAsync(async () => await CountPostgresSessionsAsync(Servers.PostgresA, "gbo-held") == 1, Deadline, "the held psql session is connected to A");
        await Wait.UntilAsync(async () => await HasRedisClientAsync(Servers.RedisA, "gbo-held"), Deadline, "the held redis-cli session is connected to A");

        await SetPolicyStatusAsync(environment, Servers.PostgresB, Servers.RedisB);
        var moved = await environment.WaitForStatusAsync(
            "moving", cluster => PointsAt(cluster, Servers.PostgresB, Servers.RedisB), Deadline, "status.endpoints names server B");

        moved.Status!.Endpoints!.RepointedAt.Should().NotBeNull();
        await Wait.UntilAsync(async () => await CountPostgresSessionsAsync(Servers.PostgresA, "gbo-held") == 0, Deadline, "the held psql session to A is closed");
        await Wait.UntilAsync(async () => !await HasRedisClientAsync(Servers.RedisA, "gbo-held"), Deadline, "the held redis-cli session to A is closed");
        foreach (var container in containers)
        {
            (await container.QueryPostgresAsync("select name from marker")).Text.Should().Be("B", $"{container.Instance} reaches PostgreSQL B");
            (await container.RedisAsync("get", "marker")).Text.Should().Be("B", $"{container.Instance} reaches Redis B");

            string row = $"written-by-{container.Instance}";
            (await container.QueryPostgresAsync($"insert into writes values ('{row}')")).ExitCode.Should().Be(0);
            (await container.RedisAsync("set", row, "yes")).Text.Should().Be("OK");
            (await BackendServers.QueryPostgresAsync(Servers.PostgresB, $"select count(*) from writes where name = '{row}'")).Should().Be("1");
            (await BackendServers.QueryPostgresAsync(Servers.PostgresA, $"select count(*) from writes where name = '{row}'")).Should().Be("0");
            (await BackendServers.RedisAsync(Servers.RedisB, "get", row)).Should().Be("yes");
            (await BackendServers.RedisAsync(Servers.RedisA, "exists", row)).Should().Be("0");
        }

        IReadOnlyList<string> messages = [];
        await Wait.UntilAsync(
            async () => (messages = await environment.ListEventMessagesAsync("moving", "EndpointsRepointed"))
                .Any(message => message.Contains($"gbo-database from {Servers.PostgresA} to {Servers.PostgresB}", StringComparison.Ordinal)),
            Deadline,
            "an EndpointsRepointed event names the move from A to B");
        string repointed = messages.Single(message => message.Contains(Servers.PostgresB, StringComparison.Ordinal));
        output.WriteLine(repointed);
        repointed.Should().Contain($"gbo-cache from {Servers.RedisA} to {Servers.RedisB}").And.Contain("on 2 instances in ").And.EndWith(" ms");
    }

    [Fact]
    public async Task Repoint_NewInstance_StartsWithCurrentTargets()
    {
        await using var environment = await OperatorTestEnvironment.StartAsync(services);
        await CreatePolicyAsync(environment, Servers.PostgresA, Servers.RedisA);
        await CreateClusterAsync(environment, "growing", replicas: 1);
        await environment.WaitForStatusAsync(
            "growing",
            cluster => OperatorTestEnvironment.IsReady(cluster, 1) && PointsAt(cluster, Servers.PostgresA, Servers.RedisA),
            Deadline,
            "one instance is ready with endpoints on server A");

        await SetPolicyStatusAsync(environment, Servers.PostgresB, Servers.RedisB);
        await environment.WaitForStatusAsync("growing", cluster => PointsAt(cluster, Servers.PostgresB, Servers.RedisB), Deadline, "status.endpoints names server B");
        await environment.UpdateSpecAsync("growing", spec => spec with { Replicas = 2 });
        await environment.WaitForStatusAsync("growing", cluster => OperatorTestEnvironment.IsReady(cluster, 2), Deadline, "two instances are ready");

        var containers = await EnterContainersAsync(environment);
        containers.Should().HaveCount(2);
        foreach (var container in containers)
        {
            (await container.QueryPostgresAsync("select name from marker")).Text.Should().Be("B", $"{container.Instance} reaches PostgreSQL B");
            (await container.RedisAsync("get", "marker")).Text.Should().Be("B", $"{container.Instance} reaches Redis B");
        }
    }

    [Fact]
    public async Task Degraded_NoPrimary_FallbacksWrittenThenRemoved()
    {
        await using var environment = await OperatorTestEnvironment.StartAsync(services);
        await CreatePolicyAsync(environment, Servers.PostgresB, Servers.RedisB);
        await CreateClusterAsync(environment, "degrading", replicas: 1);
        var cluster = await environment.WaitForStatusAsync(
            "degrading",
            cluster => OperatorTestEnvironment.IsReady(cluster, 1) && PointsAt(cluster, Servers.PostgresB, Servers.RedisB),
            Deadline,
            "the instance is ready with endpoints on server B");
        int hostPort = cluster.Status!.Instances[0].HostPort!.Value;
        var container = (await EnterContainersAsync(environment)).Single();
        (await GetApiHealthAsync(hostPort)).Status.Should().Be(HttpStatusCode.OK);

        await SetPolicyStatusAsync(environment, primary: null, Servers.RedisB);
        var degraded = await environment.WaitForStatusAsync(
            "degrading",
            cluster => HasCondition(cluster, "Degraded", "True", "NoDatabasePrimary") && cluster.Status!.Endpoints?.Database is null,
            Deadline,
            "the cluster is Degraded with reason NoDatabasePrimary");

        degraded.Status!.Endpoints!.Cache.Should().Be(Servers.RedisB);
        HasCondition(degraded, "EndpointsReady", "False", "NoDatabasePrimary").Should().BeTrue();
        var devices = (await environment.Lxd.GetInstanceAsync(environment.Project, container.Instance, CancellationToken.None)).Devices;
        devices.Should().NotContainKey("gbo-database").And.ContainKey("gbo-cache");
        (await container.QueryPostgresAsync("select 1")).ExitCode.Should().NotBe(0, "nothing listens on the container's 127.0.0.1:5432");
        var health = await GetApiHealthAsync(hostPort);
        health.Status.Should().Be(HttpStatusCode.ServiceUnavailable);
        health.Body.Should().Contain("\"database\":false");
        string env = await ReadEnvAsync(environment, container.Instance);
        env.Should().Contain("GBO_DEGRADED=database\n")
            .And.Contain("GBO_FALLBACK_LLM_PROVIDER=local\n")
            .And.Contain("GBO_FALLBACK_LLM_MODEL=DeepSeek-R1-Distill-Qwen-1.5B\n")
            .And.Contain("GBO_CACHE_MODE=memory\n")
            .And.Contain("GBO_VECTOR_DB_MODE=keyword-search\n")
            .And.Contain("DATABASE_URL=postgres://127.0.0.1:5432/\n");

        await SetPolicyStatusAsync(environment, Servers.PostgresA, Servers.RedisB);
        await environment.WaitForStatusAsync(
            "degrading",
            cluster => HasCondition(cluster, "Degraded", "False") && PointsAt(cluster, Servers.PostgresA, Servers.RedisB),
            Deadline,
            "the cluster recovers with its database on server A");

        (await ReadEnvAsync(environment, container.Instance)).Should().NotContain("GBO_");
        (await container.QueryPostgresAsync("select name from marker")).Text.Should().Be("A");
        (await GetApiHealthAsync(hostPort)).Status.Should().Be(HttpStatusCode.OK);
        await Wait.UntilAsync(
            async () => (await environment.ListEventReasonsAsync("degrading")) is var reasons
                && reasons.Contains("FallbackSettingsApplied") && reasons.Contains("FallbackSettingsRemoved"),
            Deadline,
            "FallbackSettingsApplied and FallbackSettingsRemoved events are recorded");
    }

    [Fact]
    public async Task Degraded_NoCacheMaster_CacheDeviceRemoved()
    {
        await using var environment = await OperatorTestEnvironment.StartAsync(services);
        await CreatePolicyAsync(environment, Servers.PostgresA, Servers.RedisA);
        await CreateClusterAsync(environment, "cacheless", replicas: 1);
        await environment.WaitForStatusAsync(
            "cacheless",
            cluster => OperatorTestEnvironment.IsReady(cluster, 1) && PointsAt(cluster, Servers.PostgresA, Servers.RedisA),
            Deadline,
            "the instance is ready with endpoints on server A");
        var container = (await EnterContainersAsync(environment)).Single();

        await SetPolicyStatusAsync(environment, Servers.PostgresA, cacheMaster: null);
        var degraded = await environment.WaitForStatusAsync(
            "cacheless", cluster => HasCondition(cluster, "Degraded", "True", "NoCacheMaster"), Deadline, "the cluster is Degraded with reason NoCacheMaster");

        degraded.Status!.Endpoints!.Database.Should().Be(Servers.PostgresA);
        degraded.Status.Endpoints.Cache.Should().BeNull();
        (await container.RedisAsync("ping")).Text.Should().NotBe("PONG", "nothing listens on the container's 127.0.0.1:6379");
        (await container.QueryPostgresAsync("select name from marker")).Text.Should().Be("A");
        (await ReadEnvAsync(environment, container.Instance)).Should().Contain("GBO_DEGRADED=cache\n").And.Contain("GBO_CACHE_MODE=memory\n");
    }

    [Fact]
    public async Task PolicyMissing_ConditionUntilCreated()
    {
        await using var environment = await OperatorTestEnvironment.StartAsync(services);
        await CreateClusterAsync(environment, "waiting", replicas: 1);
        var waiting = await environment.WaitForStatusAsync(
            "waiting",
            cluster => OperatorTestEnvironment.IsReady(cluster, 1) && HasCondition(cluster, "EndpointsReady", "False", "FailoverPolicyNotFound"),
            Deadline,
            "the cluster is ready and reports the missing FailoverPolicy");

        waiting.Status!.Conditions!.Single(condition => condition.Type == "EndpointsReady").Message
            .Should().Contain($"default/{PolicyName}").And.Contain("spec.failoverPolicyRef.name");
        waiting.Status.Endpoints.Should().BeNull();
        var instance = (await environment.ListInstancesAsync()).Single();
        instance.Devices.Should().NotContainKey("gbo-database").And.NotContainKey("gbo-cache");

        await CreatePolicyAsync(environment, Servers.PostgresB, Servers.RedisB);
        await environment.WaitForStatusAsync(
            "waiting",
            cluster => HasCondition(cluster, "EndpointsReady", "True") && PointsAt(cluster, Servers.PostgresB, Servers.RedisB),
            Deadline,
            "the endpoints lead to server B once the policy exists");
        var container = (await EnterContainersAsync(environment)).Single();
        (await container.QueryPostgresAsync("select name from marker")).Text.Should().Be("B");
        (await environment.ListEventReasonsAsync("waiting")).Should().Contain("FailoverPolicyNotFound");
    }

    private static async Task CreateClusterAsync(OperatorTestEnvironment environment, string name, int replicas)
    {
        var cluster = environment.NewCluster(name, replicas, FreePort.Next());
        await environment.CreateAsync(cluster with
        {
            Spec = cluster.Spec with { FailoverPolicyRef = new LocalObjectReference { Name = PolicyName } },
        });
    }

    private static async Task CreatePolicyAsync(OperatorTestEnvironment environment, string? primary, string? cacheMaster)
    {
        await environment.Policies.CreateAsync(
            new FailoverPolicy
            {
                Metadata = new V1ObjectMeta { Name = PolicyName, NamespaceProperty = "default" },
                Spec = new FailoverPolicySpec(),
            },
            CancellationToken.None);
        await SetPolicyStatusAsync(environment, primary, cacheMaster);
    }

    /// <summary>Writes the policy's status through the status subresource, as the FailoverPolicy controller does.</summary>
    private static async Task SetPolicyStatusAsync(OperatorTestEnvironment environment, string? primary, string? cacheMaster)
    {
        var policy = await environment.Policies.GetAsync("default", PolicyName, CancellationToken.None)
            ?? throw new InvalidOperationException($"FailoverPolicy default/{PolicyName} not found.");
        await environment.Policies.UpdateStatusAsync(
            policy with { Status = new FailoverPolicyStatus { Primary = primary, CacheMaster = cacheMaster } },
            CancellationToken.None);
    }

    private static bool PointsAt(BotCluster cluster, string database, string cache) =>
        cluster.Status?.Endpoints is { } endpoints && endpoints.Database == database && endpoints.Cache == cache;

    private static bool HasCondition(BotCluster cluster, string type, string status, string? reason = null) =>
        cluster.Status?.Conditions?.Any(condition => condition.Type == type && condition.Status == status
            && (reason is null || condition.Reason == reason)) == true;

    private static async Task<List<ContainerNetwork>> EnterContainersAsync(OperatorTestEnvironment environment)
    {
        var containers = new List<ContainerNetwork>();
        foreach (var instance in await environment.ListInstancesAsync())
        {
            containers.Add(await ContainerNetwork.EnterAsync(environment.Lxd, environment.Project, instance.Name));
        }

        return containers;
    }

    private static async Task<string> ReadEnvAsync(OperatorTestEnvironment environment, string instance) =>
        Encoding.UTF8.GetString(await environment.Lxd.ReadFileAsync(environment.Project, instance, "/opt/gbo/bin/.env", CancellationToken.None));

    private static async Task<(HttpStatusCode Status, string Body)> GetApiHealthAsync(int hostPort)
    {
        using var response = await Http.GetAsync(new Uri($"http://127.0.0.1:{hostPort}/api/health"));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static async Task<int> CountPostgresSessionsAsync(string server, string applicationName) =>
        int.Parse(
            await BackendServers.QueryPostgresAsync(server, $"select count(*) from pg_stat_activity where application_name = '{applicationName}'"),
            System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<bool> HasRedisClientAsync(string server, string clientName) =>
        (await BackendServers.RedisAsync(server, "client", "list")).Contains($"name={clientName} ", StringComparison.Ordinal);
}
