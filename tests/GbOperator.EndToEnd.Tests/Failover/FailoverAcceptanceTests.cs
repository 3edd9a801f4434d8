using GbOperator.Controllers.FailoverPolicies;
using GbOperator.Infrastructure.Tests;
using GbOperator.Resources;
using GbOperator.Resources.BotClusters;
using GbOperator.Resources.FailoverPolicies;
using GbOperator.Tests.Failover;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;

namespace GbOperator.EndToEnd.Tests.Failover;

/// <summary>
/// Failovers of a real Patroni cluster and a real Sentinel-managed Redis, followed by the FailoverPolicy controller
/// and the BotCluster controller together, and checked from inside each container's network namespace.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class FailoverAcceptanceTests(EndToEndFixture services, PatroniSet patroni, SentinelSet sentinels)
    : IClassFixture<PatroniSet>, IClassFixture<SentinelSet>, IAsyncLifetime
{
    private const string PolicyName = "ha";

    /// <summary>Patroni elects within ttl (10 s) plus loop_wait (2 s); the rest is margin for a loaded machine.</summary>
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(120);

    private OperatorTestEnvironment _environment = null!;
    private FailoverPolicyControllerHost _failover = null!;

    public async Task InitializeAsync()
    {
        await patroni.StartAsync();
        await sentinels.RestartAsync();
        _environment = await OperatorTestEnvironment.StartAsync(services);
        _failover = await FailoverPolicyControllerHost.StartAsync(_environment.ApiServer, NullLoggerFactory.Instance, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _failover.DisposeAsync();
        await _environment.DisposeAsync();
    }

    [Fact]
    public async Task KillPatroniPrimary_ContainersWriteToNewPrimary()
    {
        var (policy, containers) = await StartClusterAsync("pgkill");
        string oldLeader = policy.Status!.Members.Single(member => member.Endpoint == policy.Status.Primary).Name;
        string newLeader = patroni.Members.Single(member => member != oldLeader);
        string newPrimary = patroni.PostgresEndpoint(newLeader);
        foreach (var container in containers)
        {
            (await container.QueryPostgresAsync("select pg_is_in_recovery()")).Text.Should().Be("f", $"{container.Instance} reaches the primary");
        }

        await patroni.KillMemberAsync(oldLeader);
        await _environment.WaitForStatusAsync("pgkill", cluster => cluster.Status?.Endpoints?.Database == newPrimary, Deadline,
            $"every instance points at the new primary {newPrimary}");

        foreach (var container in containers)
        {
            (await container.QueryPostgresAsync("select pg_is_in_recovery()")).Text.Should().Be("f", $"{container.Instance} reaches the new primary");
            string row = $"after-kill-{container.Instance}";
            (await container.QueryPostgresAsync($"create table if not exists writes (name text); insert into writes values ('{row}')")).ExitCode.Should().Be(0);
            (await BackendServers.QueryPostgresAsync(newPrimary, $"select count(*) from writes where name = '{row}'")).Should().Be("1");
        }
    }

    [Fact]
    public async Task PlannedSwitchover_NoContainerReachesOldPrimary()
    {
        var (policy, containers) = await StartClusterAsync("switch");
        string oldPrimary = policy.Status!.Primary!;
        string oldLeader = policy.Status.Members.Single(member => member.Endpoint == oldPrimary).Name;
        string candidate = patroni.Members.Single(member => member != oldLeader);
        await WaitForPolicyAsync(status => status.Members.Any(member => member.Name == candidate && member.State == "running" && member.Lag == 0),
            $"{candidate} streams without lag");

        await RequestSwitchoverAsync(oldLeader, candidate);
        await _environment.WaitForStatusAsync("switch", cluster => cluster.Status?.Endpoints?.Database == patroni.PostgresEndpoint(candidate), Deadline,
            $"every instance points at {candidate}");

        foreach (var container in containers)
        {
            (await container.QueryPostgresAsync("select inet_server_port()")).Text.Should().Be(patroni.PostgresEndpoint(candidate).Split(':')[1],
                $"{container.Instance} reaches {candidate}");
            (await container.QueryPostgresAsync("select pg_is_in_recovery()")).Text.Should().Be("f");
        }
    }

    [Fact]
    public async Task KillRedisMaster_ContainersWriteToNewMaster()
    {
        var (_, containers) = await StartClusterAsync("rediskill");
        string replica = sentinels.FirstReplica;

        sentinels.KillServer("redis0");
        await _environment.WaitForStatusAsync("rediskill", cluster => cluster.Status?.Endpoints?.Cache == replica, Deadline,
            $"every instance points at the new master {replica}");

        foreach (var container in containers)
        {
            string key = $"after-kill-{container.Instance}";
            (await container.RedisAsync("set", key, "yes")).Text.Should().Be("OK", $"{container.Instance} writes to the new master");
            (await BackendServers.RedisAsync(replica, "get", key)).Should().Be("yes");
        }
    }

    [Fact]
    public async Task StaleSentinels_TrafficStaysUntilQuorum()
    {
        var (_, containers) = await StartClusterAsync("stale");
        string master = sentinels.FirstMaster;
        string replica = sentinels.FirstReplica;

        // Two Sentinels name two other servers: no address has a quorum of 2 votes.
        await MonitorAsync(sentinels.Sentinels[0], replica);
        await MonitorAsync(sentinels.Sentinels[1], $"127.0.0.1:{FreePort.Next()}");
        await WaitForPolicyAsync(status => status.Conditions?.Any(condition => condition.Type == "CacheAvailable" && condition.Reason == "SentinelsDisagree") == true,
            "the policy reports that the Sentinels disagree");

        var unchanged = await _environment.Clusters.GetAsync("default", "stale", CancellationToken.None);
        unchanged!.Status!.Endpoints!.Cache.Should().Be(master);
        foreach (var container in containers)
        {
            (await container.RedisAsync("set", $"during-{container.Instance}", "yes")).Text.Should().Be("OK", $"{container.Instance} still writes to {master}");
            (await BackendServers.RedisAsync(master, "get", $"during-{container.Instance}")).Should().Be("yes");
        }

        // A second Sentinel names the replica: that is a quorum, and traffic moves.
        await MonitorAsync(sentinels.Sentinels[2], replica);
        await _environment.WaitForStatusAsync("stale", cluster => cluster.Status?.Endpoints?.Cache == replica, Deadline, $"every instance points at {replica}");

        foreach (var container in containers)
        {
            (await container.RedisAsync("info", "server")).Text.Should().Contain($"tcp_port:{replica.Split(':')[1]}", $"{container.Instance} reaches {replica}");
        }
    }

    [Fact]
    public async Task PatroniStopped_ClusterDegradedThenRecovers()
    {
        var (_, containers) = await StartClusterAsync("outage");

        foreach (string member in patroni.Members)
        {
            await patroni.StopMemberAsync(member);
        }

        var degraded = await _environment.WaitForStatusAsync("outage",
            cluster => cluster.Status?.Conditions?.Any(condition => condition.Type == "Degraded" && condition.Status == "True" && condition.Reason == "NoDatabasePrimary") == true,
            Deadline, "the cluster is Degraded with reason NoDatabasePrimary");
        degraded.Status!.Endpoints!.Database.Should().BeNull();
        foreach (var container in containers)
        {
            (await ReadEnvAsync(container.Instance)).Should().Contain("GBO_DEGRADED=database\n").And.Contain("GBO_FALLBACK_LLM_PROVIDER=local\n");
        }

        await patroni.StartAsync();
        var recovered = await _environment.WaitForStatusAsync("outage",
            cluster => cluster.Status?.Endpoints?.Database is not null
                && cluster.Status.Conditions?.Any(condition => condition.Type == "Degraded" && condition.Status == "False") == true,
            Deadline, "the cluster recovered");

        patroni.Members.Select(patroni.PostgresEndpoint).Should().Contain(recovered.Status!.Endpoints!.Database);
        foreach (var container in containers)
        {
            (await container.QueryPostgresAsync("select pg_is_in_recovery()")).Text.Should().Be("f");
            (await ReadEnvAsync(container.Instance)).Should().NotContain("GBO_");
        }
    }

    /// <summary>Creates the policy and a two-instance cluster that uses it, and waits until both follow the current primary and master.</summary>
    private async Task<(FailoverPolicy Policy, List<ContainerNetwork> Containers)> StartClusterAsync(string name)
    {
        await _environment.Policies.CreateAsync(new FailoverPolicy
        {
            Metadata = new V1ObjectMeta { Name = PolicyName, NamespaceProperty = "default" },
            Spec = new FailoverPolicySpec
            {
                Patroni = new PatroniSpec
                {
                    Scope = patroni.Scope,
                    Namespace = patroni.Namespace,
                    Endpoints = patroni.Endpoints.Select(endpoint => endpoint.ToString().TrimEnd('/')).ToList(),
                    Etcd = [patroni.Etcd],
                },
                Sentinel = new SentinelSpec { MasterName = sentinels.MasterName, Endpoints = sentinels.Sentinels, Quorum = 2 },
                HealthCheck = new EndpointHealthCheck { Interval = "2s", Timeout = "2s" },
            },
        }, CancellationToken.None);
        var policy = await WaitForPolicyAsync(status => status.Primary is not null && status.CacheMaster is not null, "the policy has a primary and a master");

        var cluster = _environment.NewCluster(name, 2, FreePort.Next());
        await _environment.CreateAsync(cluster with { Spec = cluster.Spec with { FailoverPolicyRef = new LocalObjectReference { Name = PolicyName } } });
        await _environment.WaitForStatusAsync(name,
            current => OperatorTestEnvironment.IsReady(current, 2)
                && current.Status!.Endpoints?.Database == policy.Status!.Primary && current.Status.Endpoints?.Cache == policy.Status.CacheMaster,
            Deadline, "two instances are ready and point at the primary and master");

        var containers = new List<ContainerNetwork>();
        foreach (var instance in await _environment.ListInstancesAsync())
        {
            containers.Add(await ContainerNetwork.EnterAsync(_environment.Lxd, _environment.Project, instance.Name));
        }

        return (policy, containers);
    }

    private async Task<FailoverPolicy> WaitForPolicyAsync(Func<FailoverPolicyStatus, bool> condition, string description)
    {
        FailoverPolicy? policy = null;
        await Wait.UntilAsync(async () =>
        {
            policy = await _environment.Policies.GetAsync("default", PolicyName, CancellationToken.None);
            return policy?.Status is { } status && condition(status);
        }, Deadline, description);
        return policy!;
    }

    private async Task RequestSwitchoverAsync(string leader, string candidate)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        using var body = new StringContent($$"""{"leader":"{{leader}}","candidate":"{{candidate}}"}""", System.Text.Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(new Uri(patroni.Endpoints[0], "switchover"), body);
        response.IsSuccessStatusCode.Should().BeTrue(await response.Content.ReadAsStringAsync());
    }

    private async Task MonitorAsync(string sentinel, string address)
    {
        int colon = address.LastIndexOf(':');
        await SentinelSet.RedisCliAsync(sentinel, "SENTINEL", "REMOVE", sentinels.MasterName);
        await SentinelSet.RedisCliAsync(sentinel, "SENTINEL", "MONITOR", sentinels.MasterName, address[..colon], address[(colon + 1)..], "2");
    }

    private async Task<string> ReadEnvAsync(string instance) =>
        System.Text.Encoding.UTF8.GetString(await _environment.Lxd.ReadFileAsync(_environment.Project, instance, "/opt/gbo/bin/.env", CancellationToken.None));
}
