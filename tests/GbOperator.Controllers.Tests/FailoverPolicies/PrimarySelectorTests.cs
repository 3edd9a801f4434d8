using GbOperator.Controllers.FailoverPolicies;
using GbOperator.Infrastructure.Patroni;
using GbOperator.Resources.FailoverPolicies;

namespace GbOperator.Controllers.Tests.FailoverPolicies;

public sealed class PrimarySelectorTests
{
    private static readonly Uri Api = new("http://127.0.0.1:8008");

    [Fact]
    public void Select_NewLeaderLaggedTooMuch_RefusesIt()
    {
        var cluster = Cluster(("pg0", "replica", "stopped", null), ("pg1", "leader", "running", null));
        var previous = Previous("127.0.0.1:5000", ("pg0", "leader", "127.0.0.1:5000", null), ("pg1", "replica", "127.0.0.1:5001", 5_000_000));

        var observation = PrimarySelector.Select(cluster, leaderConfirmed: true, previous, maximumLag: 1_048_576);

        observation.Primary.Should().BeNull();
        observation.Reason.Should().Be(PrimarySelector.LagExceeded);
        observation.Members.Single(member => member.Name == "pg1").Lag.Should().Be(5_000_000);
    }

    [Fact]
    public void Select_RefusedLeaderStillLeads_StaysRefused()
    {
        var cluster = Cluster(("pg0", "replica", "stopped", null), ("pg1", "leader", "running", null));
        var refused = PrimarySelector.Select(cluster, true, Previous("127.0.0.1:5000", ("pg0", "leader", "127.0.0.1:5000", null), ("pg1", "replica", "127.0.0.1:5001", 5_000_000)), 1_048_576);

        var again = PrimarySelector.Select(cluster, true, new FailoverPolicyStatus { Primary = null, Members = refused.Members }, 1_048_576);

        again.Primary.Should().BeNull();
        again.Reason.Should().Be(PrimarySelector.LagExceeded);
    }

    [Fact]
    public void Select_NewLeaderWithinLag_IsPrimary()
    {
        var cluster = Cluster(("pg0", "replica", "stopped", null), ("pg1", "leader", "running", null));
        var previous = Previous("127.0.0.1:5000", ("pg0", "leader", "127.0.0.1:5000", null), ("pg1", "replica", "127.0.0.1:5001", 1024));

        var observation = PrimarySelector.Select(cluster, true, previous, 1_048_576);

        observation.Primary.Should().Be("127.0.0.1:5001");
        observation.PrimaryMember.Should().Be("pg1");
        observation.Reason.Should().Be(PrimarySelector.Elected);
    }

    [Fact]
    public void Select_LeaderNotConfirmed_NoPrimary()
    {
        var cluster = Cluster(("pg0", "leader", "running", null), ("pg1", "replica", "running", 0));

        var observation = PrimarySelector.Select(cluster, leaderConfirmed: false, null, 1_048_576);

        observation.Primary.Should().BeNull();
        observation.Reason.Should().Be(PrimarySelector.NotConfirmed);
    }

    [Fact]
    public void Select_NoRunningLeader_NoPrimary()
    {
        var cluster = Cluster(("pg0", "leader", "stopped", null), ("pg1", "replica", "running", 0));

        var observation = PrimarySelector.Select(cluster, leaderConfirmed: true, null, 1_048_576);

        observation.Primary.Should().BeNull();
        observation.Reason.Should().Be(PrimarySelector.NoLeader);
    }

    private static PatroniCluster Cluster(params (string Name, string Role, string State, long? Lag)[] members) => new(
        members.Select((member, i) => new PatroniMember(member.Name, member.Role, member.State, "127.0.0.1", 5000 + i, Api, member.Lag, 1)).ToList(), Api);

    private static FailoverPolicyStatus Previous(string primary, params (string Name, string Role, string Endpoint, long? Lag)[] members) => new()
    {
        Primary = primary,
        Members = members.Select(member => new PatroniMemberStatus { Name = member.Name, Role = member.Role, State = "running", Endpoint = member.Endpoint, Lag = member.Lag }).ToList(),
    };
}
