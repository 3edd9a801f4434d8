using Gbctl.Tests.Support;

namespace Gbctl.Tests.EndToEnd;

/// <summary>Bad command lines are rejected before any request reaches the server.</summary>
public sealed class CommandLineErrorTests : ServerTest
{
    [Fact]
    public async Task Delete_UnknownFlagAfterNames_DeletesNothing()
    {
        await Server.RunAsync("apply", "-f", Server.ExamplesPath);

        var result = await Server.RunAsync("delete", "sm", "demo", "--dry-run=server");
        var left = await Server.RunAsync("get", "sm", "demo", "-o", "name");

        result.ExitCode.Should().Be(1);
        result.Error.Should().Be(
            "error: Unrecognized command or argument '--dry-run=server'.\nSee 'gbctl delete --help' for usage.\n");
        left.Output.Should().Be("shardmap.generalbots.ai/demo\n", left.ToString());
    }

    [Fact]
    public async Task Scale_UnknownFlag_ChangesNothing()
    {
        await Server.RunAsync("apply", "-f", Server.ExamplesPath);

        var result = await Server.RunAsync("scale", "bc", "demo", "--replicas", "5", "--bogus");
        var live = await Server.RunAsync("get", "bc", "demo", "-o", "json");

        result.ExitCode.Should().Be(1);
        result.Output.Should().BeEmpty();
        result.Error.Should().StartWith("error: Unrecognized command or argument '--bogus'.\n");
        live.Output.Should().Contain("\"replicas\": 3");
    }

    [Fact]
    public async Task Get_UnknownFlag_NamesTheFlag()
    {
        await Server.RunAsync("apply", "-f", Server.ExamplesPath);

        var result = await Server.RunAsync("get", "bc", "--show-labelz");

        result.ExitCode.Should().Be(1);
        result.Output.Should().BeEmpty();
        result.Error.Should().Be(
            "error: Unrecognized command or argument '--show-labelz'.\nSee 'gbctl get --help' for usage.\n");
    }

    [Fact]
    public async Task GetWatch_UnknownFlagWithValue_NamesFlag()
    {
        var result = await Server.RunAsync("get", "bc", "-w", "--request-timeout", "3");

        result.ExitCode.Should().Be(1);
        result.Error.Should().StartWith("error: Unrecognized command or argument '--request-timeout'.\n");
        result.Error.Should().NotContain("watch");
    }

    [Fact]
    public async Task Describe_UnknownShortFlag_NamesTheFlag()
    {
        await Server.RunAsync("apply", "-f", Server.ExamplesPath);

        var result = await Server.RunAsync("describe", "bc", "demo", "-z");

        result.ExitCode.Should().Be(1);
        result.Output.Should().BeEmpty();
        result.Error.Should().StartWith("error: Unrecognized command or argument '-z'.\n");
    }

    [Fact]
    public async Task Delete_DashedNameAfterDoubleDash_IsName()
    {
        var result = await Server.RunAsync("delete", "sm", "--", "-odd");

        result.ExitCode.Should().Be(1);
        result.Error.Should().StartWith("Error from server (NotFound): ");
        result.Error.Should().Contain("\"-odd\"");
    }

    [Fact]
    public async Task ShardResolve_NoArguments_NamesBothOnce()
    {
        var result = await Server.RunAsync("shard", "resolve");

        result.ExitCode.Should().Be(1);
        result.Error.Should().Be(
            "error: missing arguments <name> <key> for 'resolve'.\nSee 'gbctl shard resolve --help' for usage.\n");
    }

    [Fact]
    public async Task ShardResolve_NoKey_NamesKey()
    {
        var result = await Server.RunAsync("shard", "resolve", "demo");

        result.ExitCode.Should().Be(1);
        result.Error.Should().Be(
            "error: missing argument <key> for 'resolve'.\nSee 'gbctl shard resolve --help' for usage.\n");
    }

    [Fact]
    public async Task Scale_NoResources_NamesTheArgument()
    {
        var result = await Server.RunAsync("scale", "--replicas", "2");

        result.ExitCode.Should().Be(1);
        result.Error.Should().Be(
            "error: missing argument <resources> for 'scale'.\nSee 'gbctl scale --help' for usage.\n");
    }
}
