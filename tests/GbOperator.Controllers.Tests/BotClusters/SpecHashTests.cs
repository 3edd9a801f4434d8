using GbOperator.Controllers.BotClusters;
using GbOperator.Resources.BotClusters;

namespace GbOperator.Controllers.Tests.BotClusters;

public class SpecHashTests
{
    private static readonly BotClusterSpec Spec = new()
    {
        Image = "botserver-standin",
        Replicas = 2,
        Limits = new ContainerLimits { Cpu = "1", Memory = "256MiB" },
        Env = new Dictionary<string, string> { ["A"] = "1", ["B"] = "2" },
    };

    [Fact]
    public void Compute_ReplicasOrRoutingChange_KeepsHash()
    {
        var changed = Spec with { Replicas = 5, Routing = new RoutingSpec { ListenAddress = "127.0.0.1:9000" } };

        SpecHash.Compute(changed).Should().Be(SpecHash.Compute(Spec));
    }

    [Theory]
    [InlineData("image")]
    [InlineData("memory")]
    [InlineData("cpu")]
    [InlineData("port")]
    [InlineData("env")]
    public void Compute_InstanceFieldChange_ChangesHash(string field)
    {
        var changed = field switch
        {
            "image" => Spec with { Image = "other" },
            "memory" => Spec with { Limits = Spec.Limits with { Memory = "512MiB" } },
            "cpu" => Spec with { Limits = Spec.Limits with { Cpu = "2" } },
            "port" => Spec with { Port = 9090 },
            _ => Spec with { Env = new Dictionary<string, string> { ["A"] = "1", ["B"] = "3" } },
        };

        SpecHash.Compute(changed).Should().NotBe(SpecHash.Compute(Spec));
    }

    [Fact]
    public void Compute_EnvOrder_DoesNotMatter()
    {
        var reordered = Spec with { Env = new Dictionary<string, string> { ["B"] = "2", ["A"] = "1" } };

        SpecHash.Compute(reordered).Should().Be(SpecHash.Compute(Spec));
    }

    [Fact]
    public void RenderEnv_Spec_PortFirstKeysSorted()
    {
        string env = InstanceLauncher.RenderEnv(Spec with { Env = new Dictionary<string, string> { ["Z"] = "1", ["PORT"] = "1", ["A"] = "x" } });

        env.Should().Be("PORT=8080\nA=x\nZ=1\n");
    }
}
