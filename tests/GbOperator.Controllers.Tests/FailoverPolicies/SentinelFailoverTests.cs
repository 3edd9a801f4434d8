using GbOperator.Resources.FailoverPolicies;
using GbOperator.Tests.Failover;

namespace GbOperator.Controllers.Tests.FailoverPolicies;

/// <summary>The FailoverPolicy controller following a real Redis master, replica and three Sentinels.</summary>
public sealed class SentinelFailoverTests(SentinelSet sentinels) : IClassFixture<SentinelSet>, IAsyncLifetime
{
    /// <summary>Sentinel needs down-after-milliseconds (1 s) plus an election; the rest is margin for a loaded machine.</summary>
    private static readonly TimeSpan FailoverDeadline = TimeSpan.FromSeconds(60);

    private FailoverControllerHarness _harness = null!;

    public async Task InitializeAsync()
    {
        await sentinels.RestartAsync();
        _harness = await FailoverControllerHarness.StartAsync();
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task KillMaster_CacheMasterMovesAfterFailover()
    {
        await _harness.CreateAsync("kill", Spec());
        string master = sentinels.FirstMaster;
        string replica = sentinels.FirstReplica;
        await _harness.WaitForStatusAsync("kill", status => status.CacheMaster == master, $"cacheMaster is {master}", FailoverDeadline);

        sentinels.KillServer("redis0");
        var after = await _harness.WaitForStatusAsync("kill", status => status.CacheMaster == replica, $"cacheMaster moved to {replica}", FailoverDeadline);

        FailoverControllerHarness.Condition(after, "CacheAvailable")!.Status.Should().Be("True");
        after.LastFailoverTime.Should().NotBeNull();
        _harness.Events.Reasons.Should().Contain("CacheMasterChanged");
    }

    [Fact]
    public async Task StaleSentinels_DoNotMoveMasterWithoutQuorum()
    {
        await _harness.CreateAsync("stale", Spec());
        string master = sentinels.FirstMaster;
        string replica = sentinels.FirstReplica;
        await _harness.WaitForStatusAsync("stale", status => status.CacheMaster == master, $"cacheMaster is {master}", FailoverDeadline);

        // One stale Sentinel: the other two still agree on the master.
        await MonitorAsync(sentinels.Sentinels[0], replica);
        await _harness.WaitForStatusAsync("stale", status => FailoverControllerHarness.Condition(status, "CacheAvailable")!.Message!.Contains($"2 of 3"),
            "two Sentinels agree", FailoverDeadline);

        // Three different answers: no quorum, so the master stays where it was.
        await MonitorAsync(sentinels.Sentinels[1], $"127.0.0.1:{FreePort()}");
        var disagree = await _harness.WaitForStatusAsync("stale",
            status => FailoverControllerHarness.Condition(status, "CacheAvailable")!.Reason == "SentinelsDisagree", "the Sentinels disagree", FailoverDeadline);

        disagree.CacheMaster.Should().Be(master);
        _harness.Events.Reasons.Should().Contain("SentinelsDisagree");
        _harness.Events.Reasons.Should().NotContain("CacheMasterChanged");

        // Two Sentinels now name the replica: that is a quorum, and the master moves.
        await MonitorAsync(sentinels.Sentinels[2], replica);
        var moved = await _harness.WaitForStatusAsync("stale", status => status.CacheMaster == replica, $"cacheMaster moved to {replica}", FailoverDeadline);

        FailoverControllerHarness.Condition(moved, "CacheAvailable")!.Reason.Should().Be("QuorumAgreed");
    }

    private FailoverPolicySpec Spec() => new()
    {
        Sentinel = new SentinelSpec { MasterName = sentinels.MasterName, Endpoints = sentinels.Sentinels, Quorum = 2 },
        HealthCheck = new EndpointHealthCheck { Interval = "1s", Timeout = "1s" },
    };

    private async Task MonitorAsync(string sentinel, string address)
    {
        int colon = address.LastIndexOf(':');
        await SentinelSet.RedisCliAsync(sentinel, "SENTINEL", "REMOVE", sentinels.MasterName);
        await SentinelSet.RedisCliAsync(sentinel, "SENTINEL", "MONITOR", sentinels.MasterName, address[..colon], address[(colon + 1)..], "2");
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
