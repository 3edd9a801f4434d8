using GbOperator.Controllers.Autoscaling;
using GbOperator.Resources.BotClusters;
using k8s.Models;

namespace GbOperator.Controllers.Tests.Autoscaling;

public class AutoscalingStatusWriterTests
{
    [Fact]
    public void KeepAutoscalerParts_Source_TakesItsParts()
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

        var merged = AutoscalingStatusWriter.KeepAutoscalerParts(built, source);

        merged.ReadyReplicas.Should().Be(2);
        merged.Autoscaling!.DesiredReplicas.Should().Be(3);
        merged.Conditions!.Select(condition => (condition.Type, condition.Status)).Should().Equal(("Ready", "True"), ("MaxInstancesReached", "True"));
    }

    [Fact]
    public void KeepAutoscalerParts_NoSource_DropsThem()
    {
        var built = new BotClusterStatus { Conditions = [new V1Condition { Type = "Ready", Status = "True" }] };

        var merged = AutoscalingStatusWriter.KeepAutoscalerParts(built, source: null);

        merged.Autoscaling.Should().BeNull();
        merged.Conditions.Should().ContainSingle();
    }
}
