using GbOperator.Infrastructure.Patroni;
using GbOperator.Infrastructure.Resilience;
using GbOperator.Resources;
using GbOperator.Resources.BotClusters;
using GbOperator.Resources.FailoverPolicies;
using k8s.Models;
using GbOperator.Tests.Failover;
using Microsoft.Extensions.Logging.Abstractions;

namespace GbOperator.Controllers.Tests.FailoverPolicies;

/// <summary>The FailoverPolicy controller following a real Patroni 3.0.2 cluster through failures.</summary>
/// <remarks>Each test starts from a cluster with every member running; the fixture's cluster is shared by the class.</remarks>
public sealed class PatroniFailoverTests(PatroniSet patroni) : IClassFixture<PatroniSet>, IAsyncLifetime
{
    /// <summary>Patroni needs ttl (10 s) plus loop_wait (2 s) to elect after a crash; the rest is margin for a loaded machine.</summary>
    private static readonly TimeSpan ElectionDeadline = TimeSpan.FromSeconds(60);

    private FailoverControllerHarness _harness = null!;

    public async Task InitializeAsync()
    {
        await patroni.StartAsync();
        _harness = await FailoverControllerHarness.StartAsync();
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task KillPrimary_StatusPrimaryMovesToNewLeader()
    {
        await _harness.CreateAsync("kill", Spec(withEtcd: true));
        var before = await WaitForPrimaryAsync("kill");
        string oldLeader = before.Members.Single(member => member.Endpoint == before.Primary).Name;
        string newLeader = patroni.Members.Single(member => member != oldLeader);

        await patroni.KillMemberAsync(oldLeader);
        var after = await _harness.WaitForStatusAsync("kill", status => status.Primary == patroni.PostgresEndpoint(newLeader),
            $"status.primary moved to {newLeader}", ElectionDeadline);

        FailoverControllerHarness.Condition(after, "DatabaseAvailable")!.Status.Should().Be("True");
        after.LastFailoverTime.Should().NotBeNull();
        after.Members.Single(member => member.Name == newLeader).Role.Should().Be("leader");
        _harness.Events.Reasons.Should().Contain(reason => reason == "PrimaryChanged" || reason == "PrimaryElected");

        // Patroni reports the new timeline a moment after the promotion, and status follows it.
        long oldTimeline = before.Members.Single(member => member.Name == oldLeader).Timeline!.Value;
        await _harness.WaitForStatusAsync("kill", status => status.Members.Single(member => member.Name == newLeader).Timeline > oldTimeline,
            $"the timeline of {newLeader} passes {oldTimeline}", ElectionDeadline);
    }

    [Fact]
    public async Task Switchover_BothMembersAlive_PrimaryMoves()
    {
        await _harness.CreateAsync("switch", Spec(withEtcd: true));
        var cluster = await _harness.Clusters.CreateAsync(new BotCluster
        {
            Metadata = new V1ObjectMeta { Name = "web", NamespaceProperty = FailoverControllerHarness.Namespace },
            Spec = new BotClusterSpec { Image = "botserver-standin", FailoverPolicyRef = new LocalObjectReference { Name = "switch" } },
        }, CancellationToken.None);
        var before = await WaitForPrimaryAsync("switch");
        string oldLeader = before.Members.Single(member => member.Endpoint == before.Primary).Name;
        string candidate = patroni.Members.Single(member => member != oldLeader);
        await WaitForReplicaInSyncAsync("switch", candidate);

        using var http = new HttpClient();
        var outcome = await PatroniClient(http).SwitchoverAsync(oldLeader, candidate, CancellationToken.None);
        var after = await _harness.WaitForStatusAsync("switch", status => status.Primary == patroni.PostgresEndpoint(candidate),
            $"status.primary moved to {candidate}", ElectionDeadline);

        outcome.Message.Should().Contain(candidate);
        after.LastFailoverTime.Should().BeAfter(before.LastFailoverTime ?? DateTime.MinValue);
        after.LastRepointDuration.Should().BeNull("the BotCluster has not followed yet");
        _harness.Events.Reasons.Should().Contain("MemberChanged");

        // The BotCluster controller reports its instances re-pointed; the policy then measures how long that took.
        var stored = await _harness.Clusters.GetAsync(FailoverControllerHarness.Namespace, cluster.Metadata.Name, CancellationToken.None);
        // Stored times have whole seconds, so the test re-points two whole seconds after the failover.
        var repointedAt = after.LastFailoverTime!.Value.AddSeconds(2);
        await _harness.Clusters.UpdateStatusAsync(stored! with
        {
            Status = new BotClusterStatus { Endpoints = new EndpointsStatus { Database = after.Primary, RepointedAt = repointedAt } },
        }, CancellationToken.None);
        var measured = await _harness.WaitForStatusAsync("switch", status => status.LastRepointDuration is not null, "lastRepointDuration is set", ElectionDeadline);

        measured.LastRepointDuration.Should().Be("2s");
        _harness.Events.Reasons.Should().Contain("Repointed");
    }

    [Fact]
    public async Task PatroniStopped_DatabaseUnavailable_ThenRecovers()
    {
        await _harness.CreateAsync("outage", Spec(withEtcd: true));
        await WaitForPrimaryAsync("outage");

        foreach (string member in patroni.Members)
        {
            await patroni.StopMemberAsync(member);
        }

        var down = await _harness.WaitForStatusAsync("outage", status => status.Primary is null, "status.primary is null", ElectionDeadline);
        var unavailable = FailoverControllerHarness.Condition(down, "DatabaseAvailable")!;
        unavailable.Status.Should().Be("False");
        FailoverControllerHarness.Condition(down, "Ready")!.Status.Should().Be("False");
        _harness.Events.Reasons.Should().Contain("PrimaryLost");

        await patroni.StartAsync();
        var recovered = await _harness.WaitForStatusAsync("outage", status => status.Primary is not null, "status.primary is set again", ElectionDeadline);

        FailoverControllerHarness.Condition(recovered, "DatabaseAvailable")!.Status.Should().Be("True");
        FailoverControllerHarness.Condition(recovered, "Ready")!.Status.Should().Be("True");
        patroni.Members.Select(patroni.PostgresEndpoint).Should().Contain(recovered.Primary);
    }

    [Fact]
    public async Task PollOnly_WithoutEtcd_FindsPrimary()
    {
        await _harness.CreateAsync("poll", Spec(withEtcd: false));

        var status = await WaitForPrimaryAsync("poll");

        status.Members.Should().HaveCount(patroni.Members.Count);
        status.CircuitState.Should().Be("Closed");
        FailoverControllerHarness.Condition(status, "CacheAvailable")!.Reason.Should().Be("NotWatched");
    }

    private FailoverPolicySpec Spec(bool withEtcd) => new()
    {
        Patroni = new PatroniSpec
        {
            Scope = patroni.Scope,
            Namespace = patroni.Namespace,
            Endpoints = patroni.Endpoints.Select(endpoint => endpoint.ToString().TrimEnd('/')).ToList(),
            Etcd = withEtcd ? [patroni.Etcd] : [],
        },
        HealthCheck = new EndpointHealthCheck { Interval = "2s", Timeout = "2s" },
    };

    private Task<FailoverPolicyStatus> WaitForPrimaryAsync(string name) =>
        _harness.WaitForStatusAsync(name, status => status.Primary is not null, $"{name} has a primary", ElectionDeadline);

    private Task<FailoverPolicyStatus> WaitForReplicaInSyncAsync(string name, string replica) =>
        _harness.WaitForStatusAsync(name, status => status.Members.Any(member => member.Name == replica && member.State == "running" && member.Lag == 0),
            $"{replica} streams without lag", ElectionDeadline);

    private PatroniClient PatroniClient(HttpClient http) => new(
        http,
        patroni.Endpoints,
        new BackendPipeline("Patroni", new BreakerSettings(5, TimeSpan.FromSeconds(5), 1, TimeSpan.FromSeconds(5)), TimeProvider.System, NullLogger.Instance),
        NullLogger.Instance);
}
