using System.Collections.Concurrent;
using System.Net;
using GbOperator.Infrastructure.Patroni;
using GbOperator.Infrastructure.Resilience;
using GbOperator.Tests.Failover;
using Microsoft.Extensions.Logging.Abstractions;

namespace GbOperator.Infrastructure.Tests.Patroni;

/// <summary>The Patroni client and the leader-key watch against a real Patroni 3.0.2 cluster with etcd.</summary>
public sealed class PatroniClientTests(PatroniSet patroni) : IClassFixture<PatroniSet>, IDisposable
{
    private static readonly BreakerSettings Breaker = new(Threshold: 2, BreakDuration: TimeSpan.FromSeconds(30), HalfOpenRequests: 1, AttemptTimeout: TimeSpan.FromSeconds(5));

    private readonly HttpClient _http = new() { Timeout = Timeout.InfiniteTimeSpan };

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task GetCluster_RunningSet_ReturnsOneLeaderAndReplica()
    {
        var client = CreateClient(patroni.Endpoints);

        var cluster = await client.GetClusterAsync(CancellationToken.None);

        cluster.Members.Select(member => member.Name).Should().Equal(patroni.Members);
        cluster.Leader.Should().NotBeNull();
        cluster.Leader!.Endpoint.Should().Be(patroni.PostgresEndpoint(cluster.Leader.Name));
        cluster.Leader.Timeline.Should().BeGreaterThan(0);
        var replica = cluster.Members.Single(member => member.Name != cluster.Leader.Name);
        replica.Role.Should().Be("replica");
        replica.State.Should().Be("running");
        replica.Lag.Should().NotBeNull();
        replica.ApiUrl.Should().NotBeNull();
    }

    [Fact]
    public async Task GetCluster_FirstEndpointClosed_AsksNextMember()
    {
        var closed = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        var client = CreateClient([closed, .. patroni.Endpoints]);

        var cluster = await client.GetClusterAsync(CancellationToken.None);

        cluster.Source.Should().Be(patroni.Endpoints[0]);
        client.CircuitState.Should().Be(BreakerState.Closed);
    }

    [Fact]
    public async Task GetCluster_NoMemberAnswers_OpensCircuitAfterThreshold()
    {
        var client = CreateClient([new Uri($"http://127.0.0.1:{FreePort.Next()}")]);

        for (int attempt = 0; attempt < Breaker.Threshold; attempt++)
        {
            var failure = await FluentActions.Awaiting(() => client.GetClusterAsync(CancellationToken.None)).Should().ThrowAsync<PatroniUnavailableException>();
            failure.Which.Message.Should().Contain("No Patroni member returned the cluster");
        }

        client.CircuitState.Should().Be(BreakerState.Open);
        var rejected = await FluentActions.Awaiting(() => client.GetClusterAsync(CancellationToken.None)).Should().ThrowAsync<PatroniUnavailableException>();
        rejected.Which.Message.Should().Contain("circuit to Patroni is open");
    }

    [Fact]
    public async Task IsLeader_LeaderAndReplica_ReportsEach()
    {
        var client = CreateClient(patroni.Endpoints);
        var cluster = await client.GetClusterAsync(CancellationToken.None);
        var replica = cluster.Members.Single(member => member.Name != cluster.Leader!.Name);

        bool leader = await client.IsLeaderAsync(cluster.Leader!.ApiUrl!, CancellationToken.None);
        bool notLeader = await client.IsLeaderAsync(replica.ApiUrl!, CancellationToken.None);

        leader.Should().BeTrue();
        notLeader.Should().BeFalse();
    }

    [Fact]
    public async Task Switchover_UnknownCandidate_ThrowsRequestException()
    {
        var client = CreateClient(patroni.Endpoints);
        var cluster = await client.GetClusterAsync(CancellationToken.None);

        var failure = await FluentActions.Awaiting(() => client.SwitchoverAsync(cluster.Leader!.Name, "no-such-member", CancellationToken.None))
            .Should().ThrowAsync<PatroniRequestException>();

        failure.Which.StatusCode.Should().Be(HttpStatusCode.PreconditionFailed);
        client.CircuitState.Should().Be(BreakerState.Closed);
    }

    [Fact]
    public async Task Switchover_ToReplica_MovesLeaderAndWatchSeesIt()
    {
        var client = CreateClient(patroni.Endpoints);
        await WaitForHealthyClusterAsync(client);
        var before = await client.GetClusterAsync(CancellationToken.None);
        string candidate = before.Members.Single(member => member.Name != before.Leader!.Name).Name;
        var seen = new ConcurrentQueue<string?>();
        await using var watch = PatroniLeaderWatch.Start([patroni.Etcd], patroni.Namespace, patroni.Scope, seen.Enqueue, NullLogger.Instance);
        await Wait.UntilAsync(() => Task.FromResult(!seen.IsEmpty), TimeSpan.FromSeconds(10), "the leader watch connected");

        var outcome = await client.SwitchoverAsync(before.Leader!.Name, candidate, CancellationToken.None);

        outcome.Message.Should().Contain(candidate);
        await Wait.UntilAsync(async () => (await client.GetClusterAsync(CancellationToken.None)).Leader?.Name == candidate,
            TimeSpan.FromSeconds(60), $"{candidate} leads the cluster");
        await Wait.UntilAsync(() => Task.FromResult(seen.Contains(candidate)), TimeSpan.FromSeconds(10), $"the leader watch reported {candidate}");
        watch.Key.Should().Be($"{patroni.Namespace}{patroni.Scope}/leader");
    }

    private PatroniClient CreateClient(IReadOnlyList<Uri> endpoints) =>
        new(_http, endpoints, new BackendPipeline("Patroni", Breaker, TimeProvider.System, NullLogger.Instance, exception => exception is PatroniRequestException), NullLogger.Instance);

    /// <summary>Waits until both members run and the replica streams, because Patroni rejects a switchover to a replica that is not ready.</summary>
    private static Task WaitForHealthyClusterAsync(PatroniClient client) =>
        Wait.UntilAsync(async () =>
        {
            var cluster = await client.GetClusterAsync(CancellationToken.None);
            return cluster.Leader is not null && cluster.Members.All(member => member.State == "running" && (member.IsRunningLeader || member.Lag == 0));
        }, TimeSpan.FromSeconds(60), "every Patroni member runs and the replica has no lag");
}
