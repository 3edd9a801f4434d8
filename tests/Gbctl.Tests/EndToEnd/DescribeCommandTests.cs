using Gbctl.Tests.Support;

namespace Gbctl.Tests.EndToEnd;

public sealed class DescribeCommandTests : ServerTest
{
    [Fact]
    public async Task Describe_BotCluster_PrintsMetadataAndSpec()
    {
        await Server.RunAsync("apply", "-f", Server.ExamplesPath);

        var result = await Server.RunAsync("describe", "bc", "demo");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().StartWith("Name:         demo\nNamespace:    default\nLabels:       app.kubernetes.io/name=botserver\nAnnotations:  <none>\n");
        result.Output.Should().Contain("Kind:         BotCluster\n");
        result.Output.Should().Contain("\nSpec:\n");
        result.Output.Should().MatchRegex(@"\n  Replicas: +3\n");
        result.Output.Should().NotContain("last-applied-configuration");
    }

    [Fact]
    public async Task Describe_MissingObject_ReportsNotFound()
    {
        var result = await Server.RunAsync("describe", "fp", "ghost");

        result.ExitCode.Should().Be(1);
        result.Error.Should().StartWith("Error from server (NotFound): ");
    }
}
