using System.Text.Json.Nodes;
using Gbctl.Cli;
using Gbctl.Tests.Support;

namespace Gbctl.Tests.EndToEnd;

public sealed class GetCommandTests : ServerTest
{
    private static readonly TimeSpan WatchTimeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Get_BotClusters_PrintsTableRow()
    {
        await ApplyExamplesAsync();

        var result = await Server.RunAsync("get", "bc");

        result.ExitCode.Should().Be(0, result.ToString());
        var lines = result.Output.TrimEnd('\n').Split('\n');
        lines.Should().HaveCount(2);
        lines[0].Should().StartWith("NAME ");
        lines[0].Should().EndWith("AGE");
        lines[1].Should().StartWith("demo ");
    }

    [Theory]
    [InlineData("bc")]
    [InlineData("botcluster")]
    [InlineData("botclusters")]
    [InlineData("BotCluster")]
    [InlineData("botclusters.generalbots.ai")]
    public async Task Get_KindSpellings_FindSameObject(string kind)
    {
        await ApplyExamplesAsync();

        var result = await Server.RunAsync("get", kind, "-o", "name");

        result.Output.Should().Be("botcluster.generalbots.ai/demo\n", result.ToString());
    }

    [Fact]
    public async Task Get_Category_ListsEveryAdvertisedKind()
    {
        await ApplyExamplesAsync();
        var others = await Server.RunWithInputAsync(
            """
            apiVersion: generalbots.ai/v1alpha1
            kind: GitRepository
            metadata:
              name: demo
            spec:
              url: /srv/git/bots
            ---
            apiVersion: generalbots.ai/v1alpha1
            kind: ApplySet
            metadata:
              name: demo
            """,
            "apply",
            "-f",
            "-");
        others.ExitCode.Should().Be(0, others.ToString());
        using var http = new HttpClient { BaseAddress = new Uri(Server.Address) };
        var discovery = JsonNode.Parse(await http.GetStringAsync("/apis/generalbots.ai/v1alpha1"))!;
        var advertised = discovery["resources"]!.AsArray()
            .Where(resource => resource!["categories"]?.AsArray().Any(category => (string?)category == "gb") == true)
            .Select(resource => $"{(string)resource!["singularName"]!}.generalbots.ai/demo")
            .ToList();

        var result = await Server.RunAsync("get", "gb", "-o", "name");

        result.ExitCode.Should().Be(0, result.ToString());
        advertised.Should().HaveCount(5);
        result.Output.TrimEnd('\n').Split('\n').Should().Equal(advertised);
    }

    [Fact]
    public async Task Get_Yaml_LeavesOutManagedFields()
    {
        await ApplyExamplesAsync();

        var hidden = await Server.RunAsync("get", "bc", "demo", "-o", "yaml");
        var shown = await Server.RunAsync("get", "bc", "demo", "-o", "yaml", "--show-managed-fields");

        hidden.ExitCode.Should().Be(0, hidden.ToString());
        hidden.Output.Should().NotContain("managedFields");
        shown.Output.Should().Contain("managedFields:").And.Contain("manager: gbctl-client-side-apply");
    }

    [Theory]
    [InlineData("sm", "shardmap.generalbots.ai/demo\n")]
    [InlineData("fp", "failoverpolicy.generalbots.ai/demo\n")]
    public async Task Get_ShortNames_FindObjects(string kind, string expected)
    {
        await ApplyExamplesAsync();

        var result = await Server.RunAsync("get", kind, "-o", "name");

        result.Output.Should().Be(expected, result.ToString());
    }

    [Fact]
    public async Task Get_SeveralKinds_PrefixesNames()
    {
        await ApplyExamplesAsync();

        var result = await Server.RunAsync("get", "bc,sm");

        result.Output.Should().Contain("botcluster.generalbots.ai/demo");
        result.Output.Should().Contain("shardmap.generalbots.ai/demo");
    }

    [Fact]
    public async Task Get_OneObjectAsYaml_PrintsObject()
    {
        await ApplyExamplesAsync();

        var result = await Server.RunAsync("get", "bc", "demo", "-o", "yaml");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().StartWith("apiVersion: generalbots.ai/v1alpha1\nkind: BotCluster\nmetadata:\n");
        result.Output.Should().Contain("\n  name: demo\n");
        result.Output.Should().Contain("\n  replicas: 3\n");
    }

    [Fact]
    public async Task Get_ListAsYaml_PrintsKindList()
    {
        await ApplyExamplesAsync();

        var result = await Server.RunAsync("get", "bc", "-o", "yaml");

        result.Output.Should().StartWith("apiVersion: v1\nitems:\n- apiVersion: generalbots.ai/v1alpha1\n");
        result.Output.Should().EndWith("kind: List\nmetadata:\n  resourceVersion: \"\"\n");
    }

    [Fact]
    public async Task Get_ObjectAsJson_ParsesWithSpec()
    {
        await ApplyExamplesAsync();

        var result = await Server.RunAsync("get", "fp/demo", "-o", "json");

        var document = JsonNode.Parse(result.Output)!;
        ((string?)document["kind"]).Should().Be("FailoverPolicy");
        ((string?)document["spec"]!["sentinel"]!["masterName"]).Should().Be("mymaster");
    }

    [Fact]
    public async Task Get_LabelSelector_FiltersObjects()
    {
        await ApplyExamplesAsync();

        var matching = await Server.RunAsync("get", "bc", "-l", "app.kubernetes.io/name=botserver", "-o", "name");
        var other = await Server.RunAsync("get", "bc", "-l", "app.kubernetes.io/name=other");

        matching.Output.Should().Be("botcluster.generalbots.ai/demo\n", matching.ToString());
        other.Output.Should().BeEmpty();
        other.Error.Should().Be("No resources found in default namespace.\n");
    }

    [Fact]
    public async Task Get_AllNamespaces_PrintsNamespaceColumn()
    {
        await ApplyExamplesAsync();
        var manifest = (await File.ReadAllTextAsync(Server.Example("shardmap.yaml")))
            .Replace("namespace: default", "namespace: team", StringComparison.Ordinal);
        await Server.RunWithInputAsync(manifest, "apply", "-f", "-");

        var all = await Server.RunAsync("get", "sm", "-A");
        var team = await Server.RunAsync("get", "sm", "-n", "team", "-o", "name");

        var lines = all.Output.TrimEnd('\n').Split('\n');
        lines.Should().HaveCount(3, all.ToString());
        lines[0].Should().StartWith("NAMESPACE ");
        lines[1].Should().MatchRegex("^default +demo ");
        lines[2].Should().MatchRegex("^team +demo ");
        team.Output.Should().Be("shardmap.generalbots.ai/demo\n");
    }

    [Fact]
    public async Task Get_Wide_AddsPriorityColumns()
    {
        await ApplyExamplesAsync();

        var normal = await Server.RunAsync("get", "bc");
        var wide = await Server.RunAsync("get", "bc", "-o", "wide");

        normal.Output.Should().NotContain("HOST");
        wide.Output.Should().MatchRegex("^NAME .* HOST +AGE\n");
    }

    [Fact]
    public async Task Get_NoHeaders_PrintsOnlyRows()
    {
        await ApplyExamplesAsync();

        var result = await Server.RunAsync("get", "sm", "--no-headers");

        result.Output.Should().StartWith("demo ");
        result.Output.TrimEnd('\n').Split('\n').Should().ContainSingle();
    }

    [Fact]
    public async Task Get_MissingName_ReportsNotFound()
    {
        var result = await Server.RunAsync("get", "bc", "ghost");

        result.ExitCode.Should().Be(1);
        result.Error.Should().StartWith("Error from server (NotFound): ");
        result.Error.Should().Contain("\"ghost\" not found");
    }

    [Fact]
    public async Task Get_UnknownKind_ListsKnownTypes()
    {
        var result = await Server.RunAsync("get", "bots");

        result.ExitCode.Should().Be(1);
        result.Error.Should().StartWith("error: the server doesn't have a resource type \"bots\". Known types: botclusters (bc)");
    }

    [Fact]
    public async Task Get_UnknownOutputFormat_ListsFormats()
    {
        var result = await Server.RunAsync("get", "bc", "-o", "xml");

        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain("yaml, json, wide or name");
    }

    [Fact]
    public async Task Get_Watch_PrintsChangeAsRow()
    {
        await ApplyExamplesAsync();
        var output = new LockedStringWriter();
        var error = new LockedStringWriter();
        using var stop = new CancellationTokenSource();
        var watch = GbctlCli.RunAsync(["get", "bc", "-w"], Server.Context(TextReader.Null, output, error), stop.Token);

        await Wait.UntilAsync(() => output.ToString().Contains("demo", StringComparison.Ordinal), WatchTimeout, () => $"the first row; output: {output}{error}");
        var scaled = await Server.RunAsync("scale", "bc", "demo", "--replicas", "5");
        await Wait.UntilAsync(() => output.ToString().Split('\n').Count(l => l.StartsWith("demo", StringComparison.Ordinal)) >= 2, WatchTimeout, () => $"the changed row; output: {output}{error}");
        await stop.CancelAsync();
        var exitCode = await watch;

        scaled.ExitCode.Should().Be(0, scaled.ToString());
        exitCode.Should().Be(0, error.ToString());
        var lines = output.ToString().TrimEnd('\n').Split('\n');
        lines[0].Should().StartWith("NAME ");
        lines.Count(l => l.StartsWith("NAME", StringComparison.Ordinal)).Should().Be(1);
        lines.Skip(1).Should().AllSatisfy(l => l.Should().StartWith("demo "));
        lines[2].IndexOf("botserver-standin", StringComparison.Ordinal).Should().Be(lines[0].IndexOf("IMAGE", StringComparison.Ordinal), "watch rows stay aligned with the header");
    }

    private async Task ApplyExamplesAsync()
    {
        var result = await Server.RunAsync("apply", "-f", Server.ExamplesPath);
        result.ExitCode.Should().Be(0, result.ToString());
    }

    [Fact]
    public async Task Get_FieldSelectorOnBotClusters_ReportsError()
    {
        var result = await Server.RunAsync("get", "bc", "--field-selector", "metadata.name=demo");

        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain("--field-selector is supported only for events");
    }
}
