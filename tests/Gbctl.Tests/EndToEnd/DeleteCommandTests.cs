using Gbctl.Tests.Support;

namespace Gbctl.Tests.EndToEnd;

public sealed class DeleteCommandTests : ServerTest
{
    [Fact]
    public async Task Delete_ExamplesFolder_RemovesEveryObject()
    {
        await Server.RunAsync("apply", "-f", Server.ExamplesPath);

        var result = await Server.RunAsync("delete", "-f", Server.ExamplesPath);
        var left = await Server.RunAsync("get", "bc,sm,fp", "-o", "name");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Be(
            "botcluster.generalbots.ai \"demo\" deleted\n" +
            "failoverpolicy.generalbots.ai \"demo\" deleted\n" +
            "shardmap.generalbots.ai \"demo\" deleted\n");
        left.Output.Should().BeEmpty();
    }

    [Fact]
    public async Task Delete_ByName_RemovesObject()
    {
        await Server.RunAsync("apply", "-f", Server.ExamplesPath);

        var result = await Server.RunAsync("delete", "bc", "demo");
        var left = await Server.RunAsync("get", "bc");

        result.Output.Should().Be("botcluster.generalbots.ai \"demo\" deleted\n", result.ToString());
        left.Error.Should().Be("No resources found in default namespace.\n");
    }

    [Fact]
    public async Task Delete_MissingObject_ReportsNotFound()
    {
        var result = await Server.RunAsync("delete", "sm", "ghost");

        result.ExitCode.Should().Be(1);
        result.Error.Should().StartWith("Error from server (NotFound): ");
        result.Error.Should().Contain("\"ghost\" not found");
    }

    [Fact]
    public async Task Delete_MissingWithIgnoreNotFound_Succeeds()
    {
        var result = await Server.RunAsync("delete", "sm", "ghost", "--ignore-not-found");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().BeEmpty();
        result.Error.Should().BeEmpty();
    }

    [Fact]
    public async Task Delete_KindWithoutName_ExplainsChoices()
    {
        var result = await Server.RunAsync("delete", "bc");

        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain("no name was specified");
        result.Error.Should().Contain("--all");
    }

    [Fact]
    public async Task Delete_LabelSelector_RemovesMatchingObjects()
    {
        await Server.RunAsync("apply", "-f", Server.ExamplesPath);

        var other = await Server.RunAsync("delete", "bc", "-l", "app.kubernetes.io/name=other");
        var matching = await Server.RunAsync("delete", "bc", "-l", "app.kubernetes.io/name=botserver");

        other.Output.Should().BeEmpty();
        other.Error.Should().Be("No resources found in default namespace.\n");
        matching.Output.Should().Be("botcluster.generalbots.ai \"demo\" deleted\n", matching.ToString());
    }

    [Fact]
    public async Task Delete_AllOfKind_RemovesOnlyThatKind()
    {
        await Server.RunAsync("apply", "-f", Server.ExamplesPath);

        var result = await Server.RunAsync("delete", "sm", "--all");
        var left = await Server.RunAsync("get", "bc,sm,fp", "-o", "name");

        result.Output.Should().Be("shardmap.generalbots.ai \"demo\" deleted\n", result.ToString());
        left.Output.Should().Be("botcluster.generalbots.ai/demo\nfailoverpolicy.generalbots.ai/demo\n");
    }
}
