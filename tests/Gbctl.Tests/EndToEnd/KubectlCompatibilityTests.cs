using Gbctl.Tests.Support;
using Xunit.Abstractions;

namespace Gbctl.Tests.EndToEnd;

/// <summary>
/// Runs the real kubectl binary against the API server, for the commands that need no OpenAPI
/// document: get (table, YAML, all namespaces, watch), delete, and apply with client-side validation off.
/// </summary>
public sealed class KubectlCompatibilityTests(ITestOutputHelper log) : ServerTest
{
    private static readonly TimeSpan WatchTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Kubectl_GetBotClusters_PrintsServerColumns()
    {
        await ApplyExamplesAsync();

        var result = await RunAsync("get", "bc");

        result.ExitCode.Should().Be(0, result.ToString());
        var lines = result.Output.TrimEnd('\n').Split('\n');
        lines.Should().HaveCount(2, result.ToString());
        lines[0].Should().MatchRegex("^NAME +REPLICAS +.*AGE$");
        lines[1].Should().MatchRegex("^demo +3 ");
    }

    [Fact]
    public async Task Kubectl_GetShortNames_FindsEveryKind()
    {
        await ApplyExamplesAsync();

        var result = await RunAsync("get", "bc,sm,fp", "-o", "name");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Be(
            "botcluster.generalbots.ai/demo\n" +
            "shardmap.generalbots.ai/demo\n" +
            "failoverpolicy.generalbots.ai/demo\n");
    }

    [Fact]
    public async Task Kubectl_GetYaml_PrintsListOfObjects()
    {
        await ApplyExamplesAsync();

        var result = await RunAsync("get", "bc", "-o", "yaml");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().StartWith("apiVersion: v1\nitems:\n- apiVersion: generalbots.ai/v1alpha1\n  kind: BotCluster\n");
        result.Output.Should().Contain("\n    name: demo\n");
        result.Output.Should().Contain("kind: List\n");
    }

    [Fact]
    public async Task Kubectl_GetYaml_MatchesGbctl()
    {
        await ApplyExamplesAsync();

        var kubectl = await RunAsync("get", "bc", "demo", "-o", "yaml");
        var gbctl = await Server.RunAsync("get", "bc", "demo", "-o", "yaml");

        kubectl.ExitCode.Should().Be(0, kubectl.ToString());
        gbctl.Output.Should().Be(kubectl.Output);
    }

    [Fact]
    public async Task Kubectl_GetAllNamespaces_PrintsNamespaceColumn()
    {
        await ApplyExamplesAsync();

        var result = await RunAsync("get", "bc", "-A");

        result.ExitCode.Should().Be(0, result.ToString());
        var lines = result.Output.TrimEnd('\n').Split('\n');
        lines[0].Should().MatchRegex("^NAMESPACE +NAME +REPLICAS ");
        lines[1].Should().MatchRegex("^default +demo +3 ");
    }

    [Fact]
    public async Task Kubectl_GetTable_MatchesGbctl()
    {
        await ApplyExamplesAsync();

        var kubectl = await RunAsync("get", "sm,fp");
        var gbctl = await Server.RunAsync("get", "sm,fp");

        kubectl.ExitCode.Should().Be(0, kubectl.ToString());
        WithoutAge(gbctl.Output).Should().Be(WithoutAge(kubectl.Output));
    }

    [Fact]
    public async Task Kubectl_Watch_PrintsInitialAndChangedRows()
    {
        await ApplyExamplesAsync();
        await using var watch = KubectlProcess.Start(Server, "get", "bc", "-w");

        await Wait.UntilAsync(() => DemoRows(watch.Output) >= 1, WatchTimeout, () => $"the first row; output: {watch.Output}{watch.Error}");
        var scaled = await Server.RunAsync("scale", "bc", "demo", "--replicas", "5");
        await Wait.UntilAsync(() => DemoRows(watch.Output) >= 2, WatchTimeout, () => $"the changed row; output: {watch.Output}{watch.Error}");

        scaled.ExitCode.Should().Be(0, scaled.ToString());
        var lines = watch.Output.TrimEnd('\n').Split('\n');
        lines[0].Should().MatchRegex("^NAME +REPLICAS ");
        lines[1].Should().MatchRegex("^demo +3 ");
        lines[2].Should().MatchRegex("^demo +5 ");
    }

    [Fact]
    public async Task Kubectl_ApplyWithoutValidation_GbctlSeesUnchanged()
    {
        var kubectl = await RunAsync("apply", "--validate=false", "-f", Server.ExamplesPath);

        var gbctl = await Server.RunAsync("apply", "-f", Server.ExamplesPath);

        kubectl.ExitCode.Should().Be(0, kubectl.ToString());
        gbctl.Output.Should().Be(
            "botcluster.generalbots.ai/demo unchanged\n" +
            "failoverpolicy.generalbots.ai/demo unchanged\n" +
            "shardmap.generalbots.ai/demo unchanged\n",
            gbctl.ToString());
    }

    [Fact]
    public async Task Kubectl_Delete_RemovesObject()
    {
        await ApplyExamplesAsync();

        var result = await RunAsync("delete", "bc", "demo");
        var left = await Server.RunAsync("get", "bc", "-o", "name");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Be("botcluster.generalbots.ai \"demo\" deleted\n");
        left.Output.Should().BeEmpty();
    }

    [Fact]
    public async Task Kubectl_DeleteMissing_ReportsNotFound()
    {
        var result = await RunAsync("delete", "bc", "ghost");

        result.ExitCode.Should().Be(1);
        result.Error.Should().Be("Error from server (NotFound): botclusters.generalbots.ai \"ghost\" not found\n");
    }

    private async Task<GbctlResult> RunAsync(params string[] args)
    {
        var result = await KubectlProcess.RunAsync(Server, args);
        log.WriteLine($"{KubectlProcess.Binary} {string.Join(' ', args)}\n{result}");
        return result;
    }

    private async Task ApplyExamplesAsync()
    {
        var result = await Server.RunAsync("apply", "-f", Server.ExamplesPath);
        result.ExitCode.Should().Be(0, result.ToString());
    }

    /// <summary>Replaces the last column, AGE, which may tick between the two commands.</summary>
    private static string WithoutAge(string table) => System.Text.RegularExpressions.Regex.Replace(table, @"(?m)\S+$", "<age>");

    private static int DemoRows(string output) => output.Split('\n').Count(l => l.StartsWith("demo ", StringComparison.Ordinal));
}
