using Gbctl.Tests.Support;
using GbOperator.Resources;

namespace Gbctl.Tests.EndToEnd;

public sealed class ApplyCommandTests : ServerTest
{
    [Fact]
    public async Task Apply_ExamplesTwice_CreatedThenUnchanged()
    {
        var first = await Server.RunAsync("apply", "-f", Server.ExamplesPath);
        var second = await Server.RunAsync("apply", "-f", Server.ExamplesPath);

        first.ExitCode.Should().Be(0, first.ToString());
        first.Output.Should().Be(
            "botcluster.generalbots.ai/demo created\n" +
            "failoverpolicy.generalbots.ai/demo created\n" +
            "shardmap.generalbots.ai/demo created\n");
        second.ExitCode.Should().Be(0, second.ToString());
        second.Output.Should().Be(
            "botcluster.generalbots.ai/demo unchanged\n" +
            "failoverpolicy.generalbots.ai/demo unchanged\n" +
            "shardmap.generalbots.ai/demo unchanged\n");
        second.Error.Should().BeEmpty();
    }

    [Fact]
    public async Task Apply_EditedManifest_PrintsConfigured()
    {
        await Server.RunAsync("apply", "-f", Server.ExamplesPath);
        await EditExampleAsync("botcluster.yaml", "replicas: 3", "replicas: 4");

        var result = await Server.RunAsync("apply", "-f", Server.ExamplesPath);
        var live = await Server.RunAsync("get", "bc", "demo", "-o", "json");

        result.Output.Should().Contain("botcluster.generalbots.ai/demo configured\n", result.ToString());
        result.Output.Should().Contain("shardmap.generalbots.ai/demo unchanged\n");
        live.Output.Should().Contain("\"replicas\": 4");
    }

    [Fact]
    public async Task Apply_FieldRemoved_RemovesItFromLiveObject()
    {
        await Server.RunAsync("apply", "-f", Server.Example("botcluster.yaml"));
        await EditExampleAsync("botcluster.yaml", "  labels:\n    app.kubernetes.io/name: botserver\n", string.Empty);

        var result = await Server.RunAsync("apply", "-f", Server.Example("botcluster.yaml"));
        var live = await Server.RunAsync("get", "bc", "demo", "-o", "yaml");

        result.Output.Should().Be("botcluster.generalbots.ai/demo configured\n", result.ToString());
        live.Output.Should().NotContain("app.kubernetes.io/name");
    }

    [Fact]
    public async Task Apply_ManifestWithStatus_IgnoresStatus()
    {
        var manifest = await File.ReadAllTextAsync(Server.Example("shardmap.yaml")) + "status:\n  observedGeneration: 7\n";

        var first = await Server.RunWithInputAsync(manifest, "apply", "-f", "-");
        var second = await Server.RunWithInputAsync(manifest, "apply", "-f", "-");

        first.Output.Should().Be("shardmap.generalbots.ai/demo created\n", first.ToString());
        second.Output.Should().Be("shardmap.generalbots.ai/demo unchanged\n", second.ToString());
    }

    [Fact]
    public async Task Apply_StaleResourceVersion_ReportsConflict()
    {
        await Server.RunAsync("apply", "-f", Server.Example("botcluster.yaml"));
        var saved = await Server.RunAsync("get", "bc", "demo", "-o", "json");
        await Server.RunAsync("scale", "bc", "demo", "--replicas", "5");
        var stale = saved.Output.Replace("\"replicas\": 3", "\"replicas\": 2");

        var result = await Server.RunWithInputAsync(stale, "apply", "-f", "-");
        var live = await Server.RunAsync("get", "bc", "demo", "-o", "json");

        stale.Should().Contain("\"resourceVersion\"").And.Contain("\"replicas\": 2");
        result.ExitCode.Should().Be(1, result.ToString());
        result.Output.Should().BeEmpty();
        result.Error.Should().StartWith("Error from server (Conflict): ");
        result.Error.Should().Contain("the object has been modified");
        live.Output.Should().Contain("\"replicas\": 5");
    }

    [Fact]
    public async Task Apply_CurrentResourceVersion_Configures()
    {
        await Server.RunAsync("apply", "-f", Server.Example("botcluster.yaml"));
        var current = await Server.RunAsync("get", "bc", "demo", "-o", "json");
        var edited = current.Output.Replace("\"replicas\": 3", "\"replicas\": 2");

        var result = await Server.RunWithInputAsync(edited, "apply", "-f", "-");
        var live = await Server.RunAsync("get", "bc", "demo", "-o", "json");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Be("botcluster.generalbots.ai/demo configured\n");
        live.Output.Should().Contain("\"replicas\": 2");
    }

    [Fact]
    public async Task Apply_ObjectWithoutAnnotation_WarnsAndAddsIt()
    {
        var manifest = ManifestReader.Read(await File.ReadAllTextAsync(Server.Example("shardmap.yaml")), "shardmap.yaml")[0].Object;
        using var http = new HttpClient { BaseAddress = new Uri(Server.Address) };
        using var created = await http.PostAsync(
            "/apis/generalbots.ai/v1alpha1/namespaces/default/shardmaps",
            new StringContent(manifest.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));

        var first = await Server.RunAsync("apply", "-f", Server.Example("shardmap.yaml"));
        var second = await Server.RunAsync("apply", "-f", Server.Example("shardmap.yaml"));

        created.IsSuccessStatusCode.Should().BeTrue();
        first.Output.Should().Be("shardmap.generalbots.ai/demo configured\n", first.ToString());
        first.Error.Should().StartWith("Warning: shardmaps/demo is missing the kubectl.kubernetes.io/last-applied-configuration annotation");
        second.Output.Should().Be("shardmap.generalbots.ai/demo unchanged\n", second.ToString());
        second.Error.Should().BeEmpty();
    }

    [Fact]
    public async Task Apply_StandardInput_CreatesObject()
    {
        var manifest = await File.ReadAllTextAsync(Server.Example("shardmap.yaml"));

        var result = await Server.RunWithInputAsync(manifest, "apply", "-f", "-");
        var live = await Server.RunAsync("get", "sm", "-o", "name");

        result.Output.Should().Be("shardmap.generalbots.ai/demo created\n", result.ToString());
        live.Output.Should().Be("shardmap.generalbots.ai/demo\n");
    }

    [Fact]
    public async Task Apply_NestedFolder_NeedsRecursiveFlag()
    {
        var nested = Path.Combine(Server.Folder, "tree", "level1", "level2");
        Directory.CreateDirectory(nested);
        File.Copy(Server.Example("shardmap.yaml"), Path.Combine(nested, "shardmap.yaml"));
        File.Copy(Server.Example("failoverpolicy.yaml"), Path.Combine(Server.Folder, "tree", "failoverpolicy.yaml"));

        var flat = await Server.RunAsync("apply", "-f", Path.Combine(Server.Folder, "tree"));
        var recursive = await Server.RunAsync("apply", "-f", Path.Combine(Server.Folder, "tree"), "-R");

        flat.Output.Should().Be("failoverpolicy.generalbots.ai/demo created\n", flat.ToString());
        recursive.Output.Should().Be(
            "failoverpolicy.generalbots.ai/demo unchanged\n" +
            "shardmap.generalbots.ai/demo created\n",
            recursive.ToString());
    }

    [Fact]
    public async Task Apply_MalformedYaml_SkipsThatFile()
    {
        var broken = Path.Combine(Server.ExamplesPath, "broken.yaml");
        await File.WriteAllTextAsync(broken, """
            apiVersion: generalbots.ai/v1alpha1
            kind: ShardMap
            metadata:
              name: first
            ---
            apiVersion: generalbots.ai/v1alpha1
            kind: ShardMap
            metadata:
              name: second
              labels: [unclosed
            """);

        var result = await Server.RunAsync("apply", "-f", Server.ExamplesPath);
        var maps = await Server.RunAsync("get", "sm", "-o", "name");

        result.ExitCode.Should().Be(1, result.ToString());
        result.Error.Should().MatchRegex($@"error: {System.Text.RegularExpressions.Regex.Escape(broken)}:\d+:\d+: ");
        result.Output.Should().Contain("botcluster.generalbots.ai/demo created");
        maps.Output.Should().Be("shardmap.generalbots.ai/demo\n");
    }

    [Fact]
    public async Task Apply_InvalidField_NamesTheField()
    {
        await EditExampleAsync("botcluster.yaml", "replicas: 3", "replicas: -2");

        var result = await Server.RunAsync("apply", "-f", Server.Example("botcluster.yaml"));

        result.ExitCode.Should().Be(1, result.ToString());
        result.Error.Should().StartWith("Error from server (Invalid): error when creating \"" + Server.Example("botcluster.yaml") + "\"");
        result.Error.Should().Contain("spec.replicas");
    }

    [Fact]
    public async Task Apply_UnknownKind_ReportsKindAndServedKinds()
    {
        var manifest = "apiVersion: generalbots.ai/v1alpha1\nkind: Chatbot\nmetadata:\n  name: x\n";

        var result = await Server.RunWithInputAsync(manifest, "apply", "-f", "-");

        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain("no matches for kind \"Chatbot\" in version \"generalbots.ai/v1alpha1\"");
        result.Error.Should().Contain("BotCluster");
    }

    [Fact]
    public async Task Apply_ScalarMetadata_RejectsDocument()
    {
        var manifest = "apiVersion: generalbots.ai/v1alpha1\nkind: ShardMap\nmetadata: demo\n";

        var result = await Server.RunWithInputAsync(manifest, "apply", "-f", "-");

        result.ExitCode.Should().Be(1);
        result.Error.Should().Be("error: error validating \"-:1\": metadata must be a mapping with at least a name.\n");
    }

    [Fact]
    public async Task Apply_GlobalFlagsBeforeCommand_AreUsed()
    {
        var manifest = (await File.ReadAllTextAsync(Server.Example("shardmap.yaml")))
            .Replace("  namespace: default\n", string.Empty, StringComparison.Ordinal);

        var result = await Server.RunWithInputAsync(manifest, "-n", "team", "apply", "-f", "-");
        var team = await Server.RunAsync("get", "sm", "-n", "team", "-o", "name");

        result.Output.Should().Be("shardmap.generalbots.ai/demo created\n", result.ToString());
        team.Output.Should().Be("shardmap.generalbots.ai/demo\n");
    }

    [Fact]
    public async Task Apply_MissingFile_ReportsPath()
    {
        var missing = Path.Combine(Server.Folder, "nope.yaml");

        var result = await Server.RunAsync("apply", "-f", missing);

        result.ExitCode.Should().Be(1);
        result.Error.Should().Be($"error: the path \"{missing}\" does not exist.\n");
    }

    [Fact]
    public async Task Apply_NoFilename_ExplainsFlag()
    {
        var result = await Server.RunAsync("apply");

        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain("-f PATH");
    }

    [Fact]
    public async Task Apply_ServerDryRun_StoresNothing()
    {
        var result = await Server.RunAsync("apply", "-f", Server.Example("botcluster.yaml"), "--dry-run=server");
        var live = await Server.RunAsync("get", "bc");

        result.Output.Should().Be("botcluster.generalbots.ai/demo created (server dry run)\n", result.ToString());
        live.Error.Should().Be("No resources found in default namespace.\n");
    }

    [Fact]
    public async Task Apply_NamespaceFlagConflict_RejectsObject()
    {
        var result = await Server.RunAsync("apply", "-f", Server.Example("botcluster.yaml"), "-n", "other");

        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain("--namespace=default");
    }

    private async Task EditExampleAsync(string fileName, string from, string to)
    {
        var path = Server.Example(fileName);
        var text = await File.ReadAllTextAsync(path);
        text.Should().Contain(from, "the example manifest is expected to contain the text the test edits");
        await File.WriteAllTextAsync(path, text.Replace(from, to, StringComparison.Ordinal));
    }
}
