using GbOperator.Benchmarks.Cases.Failover;

namespace GbOperator.Benchmarks.Tests.Cases;

public sealed class PatroniMemberTests
{
    [Theory]
    [InlineData("replica", "running", 0L, true)]
    [InlineData("replica", "streaming", 0L, true)]
    [InlineData("sync_standby", "running", 0L, true)]
    [InlineData("replica", "running", 4096L, false)]
    [InlineData("replica", "running", null, false)]
    [InlineData("replica", "stopped", 0L, false)]
    [InlineData("leader", "running", 0L, false)]
    public void IsCaughtUp_RoleStateAndLag_OnlyRunningReplicasWithoutLag(string role, string state, long? lag, bool expected)
    {
        new PatroniMember("pg1", role, state, "127.0.0.1:5433", lag).IsCaughtUp.Should().Be(expected);
    }
}
