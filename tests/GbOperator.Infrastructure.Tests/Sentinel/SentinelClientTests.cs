using GbOperator.Infrastructure.Resilience;
using GbOperator.Infrastructure.Sentinel;
using GbOperator.Tests.Failover;
using Microsoft.Extensions.Logging.Abstractions;

namespace GbOperator.Infrastructure.Tests.Sentinel;

/// <summary>The Sentinel client against a real Redis master, replica and three Sentinels.</summary>
public sealed class SentinelClientTests(SentinelSet sentinels) : IClassFixture<SentinelSet>
{
    internal static readonly BreakerSettings Breaker = new(Threshold: 2, BreakDuration: TimeSpan.FromSeconds(30), HalfOpenRequests: 1, AttemptTimeout: TimeSpan.FromSeconds(3));

    [Fact]
    public async Task GetMasterView_KillMaster_NotifiesAndMovesToReplica()
    {
        int notices = 0;
        await using var client = await ConnectAsync(sentinels.Sentinels, sentinels.MasterName, () => Interlocked.Increment(ref notices));
        var before = await client.GetMasterViewAsync(CancellationToken.None);
        before.Answers.Should().HaveCount(3);
        before.AgreedMaster(2).Should().Be(sentinels.FirstMaster);
        string replica = sentinels.FirstReplica;

        int noticesBeforeKill = Volatile.Read(ref notices);
        sentinels.KillServer("redis0");

        await Wait.UntilAsync(() => Task.FromResult(Volatile.Read(ref notices) > noticesBeforeKill), TimeSpan.FromSeconds(60), "a +switch-master notice");
        await Wait.UntilAsync(async () => (await client.GetMasterViewAsync(CancellationToken.None)).AgreedMaster(2) == replica,
            TimeSpan.FromSeconds(30), $"a quorum names {replica}");
        client.CircuitState.Should().Be(BreakerState.Closed);
    }

    [Fact]
    public async Task GetMasterView_NoSentinelAnswers_OpensCircuit()
    {
        string closed = $"127.0.0.1:{FreePort.Next()}";
        await using var client = await ConnectAsync([closed], sentinels.MasterName, () => { });

        for (int attempt = 0; attempt < Breaker.Threshold; attempt++)
        {
            var failure = await FluentActions.Awaiting(() => client.GetMasterViewAsync(CancellationToken.None)).Should().ThrowAsync<SentinelUnavailableException>();
            failure.Which.Message.Should().Contain(closed);
        }

        client.CircuitState.Should().Be(BreakerState.Open);
        var rejected = await FluentActions.Awaiting(() => client.GetMasterViewAsync(CancellationToken.None)).Should().ThrowAsync<SentinelUnavailableException>();
        rejected.Which.Message.Should().Contain("circuit to the Sentinels is open");
    }

    internal static Task<SentinelClient> ConnectAsync(IReadOnlyList<string> endpoints, string masterName, Action onNotice) =>
        SentinelClient.ConnectAsync(endpoints, masterName, new BackendPipeline("Sentinel", Breaker, TimeProvider.System, NullLogger.Instance), onNotice,
            NullLogger.Instance, CancellationToken.None);
}
