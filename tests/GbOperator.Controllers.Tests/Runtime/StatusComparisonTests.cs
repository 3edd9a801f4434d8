using FluentAssertions;
using GbOperator.Controllers.Runtime;
using GbOperator.Resources.BotClusters;
using GbOperator.Resources.ShardMaps;
using k8s.Models;
using Xunit;

namespace GbOperator.Controllers.Tests.Runtime;

public sealed class StatusComparisonTests
{
    private static readonly DateTime Earlier = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Later = Earlier.AddMinutes(5);

    [Fact]
    public void Equal_OnlyTransitionTimeDiffers_ReturnsTrue()
    {
        var stored = Status(ready: 2, Earlier, "Ready");
        var built = Status(ready: 2, Later, "Ready");

        StatusComparison.EqualIgnoringTransitionTimes(stored, built).Should().BeTrue();
    }

    [Fact]
    public void Equal_FieldDiffers_ReturnsFalse()
    {
        var stored = Status(ready: 2, Earlier, "Ready");
        var built = Status(ready: 3, Earlier, "Ready");

        StatusComparison.EqualIgnoringTransitionTimes(stored, built).Should().BeFalse();
    }

    [Fact]
    public void Equal_ConditionReasonDiffers_ReturnsFalse()
    {
        var stored = Status(ready: 2, Earlier, "Ready");
        var built = Status(ready: 2, Earlier, "Scaling");

        StatusComparison.EqualIgnoringTransitionTimes(stored, built).Should().BeFalse();
    }

    [Fact]
    public void Equal_KindSpecificFieldDiffers_ReturnsFalse()
    {
        var stored = new ShardMapStatus { RoutingVersion = "a" };
        var built = new ShardMapStatus { RoutingVersion = "b" };

        StatusComparison.EqualIgnoringTransitionTimes(stored, built).Should().BeFalse();
    }

    [Fact]
    public void Equal_NothingStored_ReturnsFalse()
    {
        StatusComparison.EqualIgnoringTransitionTimes(null, Status(ready: 1, Earlier, "Ready")).Should().BeFalse();
    }

    private static BotClusterStatus Status(int ready, DateTime transition, string reason) => new()
    {
        ReadyReplicas = ready,
        Conditions = [new V1Condition { Type = "Ready", Status = "True", Reason = reason, Message = "m", LastTransitionTime = transition }],
    };
}
