using GbOperator.Controllers.BotClusters;

namespace GbOperator.Controllers.Tests.BotClusters;

public class RolloutPlannerTests
{
    private static readonly DateTimeOffset Created = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static InstanceView Instance(
        string name, bool upToDate = true, bool ready = true, bool failed = false, int connections = 0, int ageRank = 0, double? cpu = null) =>
        new(name, upToDate, ready, failed, connections, Created.AddMinutes(ageRank), cpu);

    [Fact]
    public void Plan_TooFewInstances_CreatesTheMissingOnes()
    {
        var plan = RolloutPlanner.Plan(3, [Instance("a")], draining: 0);

        plan.Create.Should().Be(2);
        plan.Drain.Should().BeEmpty();
        plan.Replace.Should().BeEmpty();
    }

    [Fact]
    public void Plan_Converged_DoesNothing()
    {
        var plan = RolloutPlanner.Plan(2, [Instance("a"), Instance("b")], draining: 0);

        plan.IsEmpty.Should().BeTrue();
    }

    [Fact]
    public void Plan_ScaleDown_DrainsLeastBusyFirst()
    {
        var plan = RolloutPlanner.Plan(1, [Instance("a", connections: 5), Instance("b", connections: 0), Instance("c", connections: 2)], draining: 0);

        plan.Drain.Should().Equal("b", "c");
        plan.Create.Should().Be(0);
    }

    [Fact]
    public void Plan_ScaleDownWithCpu_DrainsLowestCpu()
    {
        var plan = RolloutPlanner.Plan(1, [Instance("a", connections: 0, cpu: 70), Instance("b", connections: 6, cpu: 5), Instance("c", connections: 2, cpu: 40)], draining: 0);

        plan.Drain.Should().Equal("b", "c");
    }

    [Fact]
    public void Plan_ScaleDown_DrainsNotReadyBeforeReady()
    {
        var plan = RolloutPlanner.Plan(1, [Instance("a", connections: 0), Instance("b", ready: false, connections: 9)], draining: 0);

        plan.Drain.Should().Equal("b");
    }

    [Fact]
    public void Plan_ScaleToZero_DrainsEverything()
    {
        var plan = RolloutPlanner.Plan(0, [Instance("a"), Instance("b")], draining: 0);

        plan.Drain.Should().BeEquivalentTo("a", "b");
    }

    [Fact]
    public void Plan_OutdatedAtDesiredCount_SurgesOne()
    {
        var plan = RolloutPlanner.Plan(2, [Instance("a", upToDate: false), Instance("b", upToDate: false)], draining: 0);

        plan.Create.Should().Be(1);
        plan.Drain.Should().BeEmpty();
    }

    [Fact]
    public void Plan_SurgeNotReady_KeepsOldInstances()
    {
        var plan = RolloutPlanner.Plan(2, [Instance("a", upToDate: false), Instance("b", upToDate: false), Instance("new", ready: false)], draining: 0);

        plan.IsEmpty.Should().BeTrue();
    }

    [Fact]
    public void Plan_SurgeReady_DrainsOneOutdated()
    {
        var plan = RolloutPlanner.Plan(2, [Instance("a", upToDate: false, connections: 3), Instance("b", upToDate: false), Instance("new")], draining: 0);

        plan.Drain.Should().Equal("b");
        plan.Create.Should().Be(0);
    }

    [Fact]
    public void Plan_OutdatedWhileDraining_WaitsBeforeNextSurge()
    {
        var plan = RolloutPlanner.Plan(2, [Instance("a", upToDate: false), Instance("new")], draining: 1);

        plan.IsEmpty.Should().BeTrue();
    }

    [Fact]
    public void Plan_FailedInstance_IsReplacedAndRecreated()
    {
        var plan = RolloutPlanner.Plan(2, [Instance("a"), Instance("b", ready: false, failed: true)], draining: 0);

        plan.Replace.Should().Equal("b");
        plan.Create.Should().Be(1);
    }

    [Fact]
    public void Plan_ReadyBelowDesired_KeepsReady()
    {
        var plan = RolloutPlanner.Plan(2, [Instance("a"), Instance("b", ready: false), Instance("c", ready: false)], draining: 0);

        plan.Drain.Should().ContainSingle().Which.Should().BeOneOf("b", "c");
    }
}
