using Gbctl.Tests.Support;

namespace Gbctl.Tests.EndToEnd;

public sealed class ScaleCommandTests : ServerTest
{
    [Fact]
    public async Task Scale_BotCluster_ChangesReplicas()
    {
        await Server.RunAsync("apply", "-f", Server.ExamplesPath);

        var result = await Server.RunAsync("scale", "bc", "demo", "--replicas", "5");
        var live = await Server.RunAsync("get", "bc", "demo", "-o", "json");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Be("botcluster.generalbots.ai/demo scaled\n");
        live.Output.Should().Contain("\"replicas\": 5");
    }

    [Fact]
    public async Task Scale_ThenApply_RestoresManifestReplicas()
    {
        await Server.RunAsync("apply", "-f", Server.ExamplesPath);
        await Server.RunAsync("scale", "bc/demo", "--replicas", "5");

        var result = await Server.RunAsync("apply", "-f", Server.Example("botcluster.yaml"));
        var live = await Server.RunAsync("get", "bc", "demo", "-o", "json");

        result.Output.Should().Be("botcluster.generalbots.ai/demo configured\n", result.ToString());
        live.Output.Should().Contain("\"replicas\": 3");
    }

    [Fact]
    public async Task Scale_WrongCurrentReplicas_ChangesNothing()
    {
        await Server.RunAsync("apply", "-f", Server.ExamplesPath);

        var result = await Server.RunAsync("scale", "bc", "demo", "--replicas", "5", "--current-replicas", "2");

        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain("has 3 replicas, not the 2");
    }

    [Fact]
    public async Task Scale_MissingObject_ReportsNotFound()
    {
        var result = await Server.RunAsync("scale", "bc", "ghost", "--replicas", "2");

        result.ExitCode.Should().Be(1);
        result.Error.Should().StartWith("Error from server (NotFound): ");
    }

    [Fact]
    public async Task Scale_ShardMap_ReportsNoScaleSubresource()
    {
        await Server.RunAsync("apply", "-f", Server.ExamplesPath);

        var result = await Server.RunAsync("scale", "sm", "demo", "--replicas", "2");

        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain("ShardMaps cannot be scaled because only BotClusters have a scale subresource");
        result.Error.Should().NotContain("NotFound");
    }

    [Theory]
    [InlineData("--replicas", "abc")]
    [InlineData("--current-replicas", "two")]
    public async Task Scale_NonNumericReplicas_NamesOptionAndValue(string option, string value)
    {
        var arguments = option == "--replicas"
            ? new[] { "scale", "bc", "demo", "--replicas", value }
            : new[] { "scale", "bc", "demo", "--replicas", "2", option, value };

        var result = await Server.RunAsync(arguments);

        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain($"invalid value '{value}' for {option}: must be a whole number");
        result.Error.Should().NotContain("System.Int32");
    }

    [Fact]
    public async Task Scale_MissingReplicasFlag_ShowsUsage()
    {
        var result = await Server.RunAsync("scale", "bc", "demo");

        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain("--replicas");
        result.Error.Should().Contain("gbctl scale --help");
    }
}
