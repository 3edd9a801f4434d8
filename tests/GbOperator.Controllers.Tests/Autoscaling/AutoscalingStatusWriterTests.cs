using GbOperator.Controllers.Autoscaling;
using GbOperator.Resources.BotClusters;
using k8s.Models;

namespace GbOperator.Controllers.Tests.Autoscaling;

public class AutoscalingStatusWriterTests
{
    [Fact]
    public void KeepAutoscalerParts_TakesAutoscalingAndItsConditionFromSource()
    {
        var built = new BotClusterStatus
        {
            ReadyReplicas = 2,
            Conditions = [new V1Condition { Type = "Ready", Status = "True" }, new V1Condition { Type = "MaxInstancesReached", Status = "False" }],
        };
        var source = new BotClusterStatus
        {
            ReadyReplicas = 1,
            Autoscaling = new AutoscalingStatus { DesiredReplicas = 3 },
            Conditions = [new V1Condition { Type = "Ready", Status = "False" }, new V1Condition { Type = "MaxInstancesReached", Status = "True" }],
        };

        var kept = AutoscalingStatusWriter.KeepAutoscalerParts(built, source);

        kept.ReadyReplicas.Should().Be(2);
        kept.Autoscaling!.DesiredReplicas.Should().Be(3);
        kept.Conditions!.Select(condition => (condition.Type, condition.Status)).Should().Equal(("Ready", "True"), ("MaxInstancesReached", "True"));
    }

    [Fact]
    public void KeepAutoscalerParts_NoSource_DropsThem()
    {
        var built = new BotClusterStatus { Conditions = [new V1Condition { Type = "Ready", Status = "True" }] };

        var kept = AutoscalingStatusWriter.KeepAutoscalerParts(built, source: null);

        kept.Autoscaling.Should().BeNull();
        kept.Conditions.Should().ContainSingle();
    }
}
