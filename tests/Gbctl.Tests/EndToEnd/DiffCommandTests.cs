using Gbctl.Tests.Support;

namespace Gbctl.Tests.EndToEnd;

public sealed class DiffCommandTests : ServerTest
{
    [Fact]
    public async Task Diff_BeforeApply_ShowsAdditionsAndExitsOne()
    {
        var result = await Server.RunAsync("diff", "-f", Server.Example("botcluster.yaml"));

        result.ExitCode.Should().Be(1, result.ToString());
        result.Output.Should().StartWith(
            "diff -u -N live/generalbots.ai.v1alpha1.BotCluster.default.demo merged/generalbots.ai.v1alpha1.BotCluster.default.demo\n");
        result.Output.Should().Contain("\n+kind: BotCluster\n");
    }

    [Fact]
    public async Task Diff_AfterApply_PrintsNothingAndExitsZero()
    {
        await Server.RunAsync("apply", "-f", Server.ExamplesPath);

        var result = await Server.RunAsync("diff", "-f", Server.ExamplesPath);

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().BeEmpty();
    }

    [Fact]
    public async Task Diff_EditedManifest_ShowsChangedLine()
    {
        await Server.RunAsync("apply", "-f", Server.ExamplesPath);
        var path = Server.Example("botcluster.yaml");
        await File.WriteAllTextAsync(path, (await File.ReadAllTextAsync(path)).Replace("replicas: 3", "replicas: 4", StringComparison.Ordinal));

        var result = await Server.RunAsync("diff", "-f", Server.ExamplesPath);
        var live = await Server.RunAsync("get", "bc", "demo", "-o", "json");

        result.ExitCode.Should().Be(1, result.ToString());
        result.Output.Should().Contain("\n-  replicas: 3\n");
        result.Output.Should().Contain("\n+  replicas: 4\n");
        live.Output.Should().Contain("\"replicas\": 3", "diff must not change the live object");
    }

    [Fact]
    public async Task Diff_MalformedFile_ExitsTwo()
    {
        var broken = Path.Combine(Server.Folder, "broken.yaml");
        await File.WriteAllTextAsync(broken, "kind: [\n");

        var result = await Server.RunAsync("diff", "-f", broken);

        result.ExitCode.Should().Be(2, result.ToString());
        result.Error.Should().Contain(broken + ":");
    }
}
