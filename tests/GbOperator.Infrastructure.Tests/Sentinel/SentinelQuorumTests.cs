using GbOperator.Tests.Failover;

namespace GbOperator.Infrastructure.Tests.Sentinel;

/// <summary>Sentinels that disagree, made stale by re-monitoring other addresses under the same master name.</summary>
public sealed class SentinelQuorumTests(SentinelSet sentinels) : IClassFixture<SentinelSet>
{
    [Fact]
    public async Task GetMasterView_StaleSentinels_AgreesOnlyWithQuorum()
    {
        await using var client = await SentinelClientTests.ConnectAsync(sentinels.Sentinels, sentinels.MasterName, () => { });
        string master = sentinels.FirstMaster;
        string replica = sentinels.FirstReplica;
        string nowhere = $"127.0.0.1:{FreePort.Next()}";

        await MonitorAsync(sentinels.Sentinels[0], replica);
        var oneStale = await client.GetMasterViewAsync(CancellationToken.None);

        oneStale.Answers[0].Master.Should().Be(replica);
        oneStale.AgreedMaster(2).Should().Be(master);

        await MonitorAsync(sentinels.Sentinels[1], nowhere);
        var threeViews = await client.GetMasterViewAsync(CancellationToken.None);

        threeViews.Answers.Select(answer => answer.Master).Should().Equal(replica, nowhere, master);
        threeViews.AgreedMaster(2).Should().BeNull();
    }

    private async Task MonitorAsync(string sentinel, string address)
    {
        int colon = address.LastIndexOf(':');
        await SentinelSet.RedisCliAsync(sentinel, "SENTINEL", "REMOVE", sentinels.MasterName);
        await SentinelSet.RedisCliAsync(sentinel, "SENTINEL", "MONITOR", sentinels.MasterName, address[..colon], address[(colon + 1)..], "2");
    }
}
