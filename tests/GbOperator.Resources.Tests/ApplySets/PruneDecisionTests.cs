using GbOperator.Resources.ApplySets;

namespace GbOperator.Resources.Tests.ApplySets;

public class PruneDecisionTests
{
    [Theory]
    [InlineData(3, 4, 1, 50)]
    [InlineData(2, 4, 2, 50)]
    [InlineData(5, 5, 0, 0)]
    [InlineData(1, 3, 2, 100)]
    public void Decide_WithinShare_Allows(int sourceCount, int memberCount, int pruneCount, int maxPercent)
    {
        var decision = PruneDecision.Decide(sourceCount, memberCount, pruneCount, maxPercent, force: false);

        decision.Allowed.Should().BeTrue();
        decision.Reason.Should().BeNull();
    }

    [Theory]
    [InlineData(1, 4, 3, 50)]
    [InlineData(1, 1, 1, 50)]
    [InlineData(3, 4, 1, 0)]
    public void Decide_AboveShare_Rejects(int sourceCount, int memberCount, int pruneCount, int maxPercent)
    {
        var decision = PruneDecision.Decide(sourceCount, memberCount, pruneCount, maxPercent, force: false);

        decision.Allowed.Should().BeFalse();
        decision.Reason.Should().Contain($"{pruneCount} of {memberCount}").And.Contain($"{maxPercent}%");
    }

    [Fact]
    public void Decide_EmptySource_Rejects()
    {
        var decision = PruneDecision.Decide(0, 2, 2, 100, force: false);

        decision.Allowed.Should().BeFalse();
        decision.Reason.Should().Contain("no objects");
    }

    [Fact]
    public void Decide_Force_AllowsEverything()
    {
        PruneDecision.Decide(0, 2, 2, 0, force: true).Allowed.Should().BeTrue();
    }
}
