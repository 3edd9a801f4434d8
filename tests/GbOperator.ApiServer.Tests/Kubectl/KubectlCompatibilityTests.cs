using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using GbOperator.ApiServer.Tests.Infrastructure;

namespace GbOperator.ApiServer.Tests.Kubectl;

/// <summary>kubectl against the server: discovery, table output, YAML, watch, patch, scale, apply, diff, delete and events.</summary>
/// <remarks>The tests prefer Debian's kubectl 1.20 and fail on machines without any kubectl.</remarks>
public sealed class KubectlCompatibilityTests : IClassFixture<SqliteApiServerFixture>, IDisposable
{
    private readonly SqliteApiServerFixture _server;
    private readonly string _directory = Directory.CreateTempSubdirectory("gbo-kubectl-").FullName;
    private readonly KubectlTool _kubectl;

    public KubectlCompatibilityTests(SqliteApiServerFixture server)
    {
        _server = server;
        var kubeconfig = Path.Combine(_directory, "config");
        File.WriteAllText(kubeconfig, $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: gb
              cluster:
                server: {server.Host.BaseAddress.ToString().TrimEnd('/')}
            contexts:
            - name: gb
              context:
                cluster: gb
                namespace: default
            current-context: gb
            users: []
            """);
        _kubectl = new KubectlTool(kubeconfig, Path.Combine(_directory, "cache"));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task GetShortName_PrintsPrinterColumns()
    {
        var ns = await CreateAsync("web", replicas: 2);

        var (exitCode, output, error) = await _kubectl.RunAsync("get", "bc", "-n", ns);

        exitCode.Should().Be(0, error);
        var lines = output.TrimEnd().Split('\n');
        lines[0].Should().MatchRegex(@"^NAME\s+REPLICAS\s+READY\s+IMAGE\s+STATUS\s+AGE$");
        lines[1].Should().MatchRegex(@"^web\s+2\s+botserver-standin\s+\d+s$");
    }

    [Fact]
    public async Task GetEvents_PrintsEventColumns()
    {
        var ns = Manifests.UniqueNamespace();
        var created = await _server.Client.PostJsonAsync(
            $"/api/v1/namespaces/{ns}/events", Events.EventsApiTests.Event("web.1", "web", "InstanceReady"));
        created.StatusCode.Should().Be(HttpStatusCode.Created, created.Text);

        var (exitCode, output, error) = await _kubectl.RunAsync("get", "events", "-n", ns);

        exitCode.Should().Be(0, error);
        var lines = output.TrimEnd().Split('\n');
        lines[0].Should().MatchRegex(@"^LAST SEEN\s+TYPE\s+REASON\s+OBJECT\s+MESSAGE$");
        lines[1].Should().MatchRegex(@"^\S+\s+Normal\s+InstanceReady\s+botcluster/web\s+InstanceReady happened$");
    }

    [Fact]
    public async Task DescribeBotCluster_PrintsEvents()
    {
        var ns = await CreateAsync("web", replicas: 1);
        var cluster = await _server.Client.GetJsonAsync($"/apis/{Manifests.ApiVersion}/namespaces/{ns}/botclusters/web");
        var body = Events.EventsApiTests.Event("web.1", "web", "InstanceReady", uid: cluster.Json["metadata"]!["uid"]!.GetValue<string>());
        body["involvedObject"]!["namespace"] = ns;
        await _server.Client.PostJsonAsync($"/api/v1/namespaces/{ns}/events", body);

        var (exitCode, output, error) = await _kubectl.RunAsync("describe", "bc", "web", "-n", ns);

        exitCode.Should().Be(0, error);
        output.Should().MatchRegex(@"\nEvents:\n +Type +Reason +Age +From +Message\n");
        output.Should().MatchRegex(@"\n +Normal +InstanceReady +\S+ +gb-operator +InstanceReady happened");
    }

    [Fact]
    public async Task GetEventsShortName_PrintsEvent()
    {
        var ns = Manifests.UniqueNamespace();
        await _server.Client.PostJsonAsync($"/api/v1/namespaces/{ns}/events", Events.EventsApiTests.Event("web.1", "web", "InstanceCreated"));

        var (exitCode, output, error) = await _kubectl.RunAsync("get", "ev", "-n", ns);

        exitCode.Should().Be(0, error);
        output.Should().Contain("InstanceCreated");
    }

    [Fact]
    public async Task GetYaml_PrintsListWithObject()
    {
        var ns = await CreateAsync("web", replicas: 2);

        var (exitCode, output, error) = await _kubectl.RunAsync("get", "bc", "-n", ns, "-o", "yaml");

        exitCode.Should().Be(0, error);
        output.Should().Contain("kind: List");
        output.Should().Contain("kind: BotCluster");
        output.Should().Contain("name: web");
        output.Should().Contain("replicas: 2");
    }

    [Fact]
    public async Task GetAllNamespaces_PrintsNamespaceColumn()
    {
        var ns = await CreateAsync("web", replicas: 1);

        var (exitCode, output, error) = await _kubectl.RunAsync("get", "bc", "-A");

        exitCode.Should().Be(0, error);
        output.Split('\n')[0].Should().StartWith("NAMESPACE");
        output.Should().MatchRegex($@"(?m)^{ns}\s+web\s+1\s");
    }

    [Fact]
    public async Task GetWatch_PrintsRowPerChange()
    {
        var ns = await CreateAsync("web", replicas: 1);
        using var watch = _kubectl.Start("get", "bc", "-n", ns, "-w");
        try
        {
            var header = await ReadLineAsync(watch);
            var initial = await ReadLineAsync(watch);
            var patch = new JsonObject { ["spec"] = new JsonObject { ["replicas"] = 5 } };
            await _server.Client.PatchAsync(Manifests.BotClusterPath(ns, "web"), patch, "application/merge-patch+json");
            var changed = await ReadLineAsync(watch);

            header.Should().StartWith("NAME");
            initial.Should().MatchRegex(@"^web\s+1\s");
            changed.Should().MatchRegex(@"^web\s+5\s");
        }
        finally
        {
            watch.Kill(entireProcessTree: true);
        }
    }

    [Fact]
    public async Task Delete_RemovesObject()
    {
        var ns = await CreateAsync("web", replicas: 1);

        var (exitCode, output, error) = await _kubectl.RunAsync("delete", "bc", "web", "-n", ns);

        exitCode.Should().Be(0, error);
        output.Should().Contain("botcluster.generalbots.ai \"web\" deleted");
        (await _server.Client.GetJsonAsync(Manifests.BotClusterPath(ns, "web"))).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task PatchMergeAndScale_ChangeReplicas()
    {
        var ns = await CreateAsync("web", replicas: 1);

        var patch = await _kubectl.RunAsync("patch", "bc", "web", "-n", ns, "--type", "merge", "-p", """{"spec":{"replicas":3}}""");
        var afterPatch = await _server.Client.GetJsonAsync(Manifests.BotClusterPath(ns, "web"));
        var scale = await _kubectl.RunAsync("scale", "bc", "web", "-n", ns, "--replicas=4");
        var afterScale = await _server.Client.GetJsonAsync(Manifests.BotClusterPath(ns, "web"));

        patch.ExitCode.Should().Be(0, patch.Error);
        afterPatch.Json["spec"]!["replicas"]!.GetValue<int>().Should().Be(3);
        scale.ExitCode.Should().Be(0, scale.Error);
        afterScale.Json["spec"]!["replicas"]!.GetValue<int>().Should().Be(4);
    }

    [Fact]
    public async Task PatchDefaultType_ReportsUnsupportedMediaType()
    {
        var ns = await CreateAsync("web", replicas: 1);

        var (exitCode, _, error) = await _kubectl.RunAsync("patch", "bc", "web", "-n", ns, "-p", """{"spec":{"replicas":3}}""");

        exitCode.Should().NotBe(0);
        error.Should().Contain("accepted media types include: application/json-patch+json, application/merge-patch+json");
    }

    [Fact]
    public async Task GetMissing_ReportsNotFound()
    {
        KubectlTool.Path.Should().NotBeNull("kubectl is not installed; run hack/install-kubectl.sh for Debian's kubectl 1.20");

        var (exitCode, _, error) = await _kubectl.RunAsync("get", "bc", "missing", "-n", Manifests.UniqueNamespace());

        exitCode.Should().Be(1);
        error.Trim().Should().Be("Error from server (NotFound): botclusters.generalbots.ai \"missing\" not found");
    }

    [Fact]
    public async Task Apply_CreatesThenConfigures()
    {
        var ns = await CreateAsync("unrelated", replicas: 1);
        var manifest = WriteManifest(ns, "applied", replicas: 1);

        var create = await _kubectl.RunAsync("apply", "-f", manifest);
        WriteManifest(ns, "applied", replicas: 3);
        var configure = await _kubectl.RunAsync("apply", "-f", manifest);
        var stored = await _server.Client.GetJsonAsync(Manifests.BotClusterPath(ns, "applied"));

        create.ExitCode.Should().Be(0, create.Error);
        create.Output.Should().Contain("botcluster.generalbots.ai/applied created");
        configure.ExitCode.Should().Be(0, configure.Error);
        configure.Output.Should().Contain("botcluster.generalbots.ai/applied configured");
        stored.Json["spec"]!["replicas"]!.GetValue<int>().Should().Be(3);
        stored.Json["metadata"]!["annotations"]!["kubectl.kubernetes.io/last-applied-configuration"].Should().NotBeNull();
    }

    [Fact]
    public async Task Diff_ChangedManifest_ExitsWithOne()
    {
        var ns = await CreateAsync("web", replicas: 1);
        var manifest = WriteManifest(ns, "web", replicas: 6);

        var (exitCode, output, error) = await _kubectl.RunAsync("diff", "-f", manifest);
        var stored = await _server.Client.GetJsonAsync(Manifests.BotClusterPath(ns, "web"));

        exitCode.Should().Be(1, error);
        output.Should().Contain("+  replicas: 6");
        stored.Json["spec"]!["replicas"]!.GetValue<int>().Should().Be(1);
    }

    [Fact]
    public async Task ApplyServerDryRun_StoresNothing()
    {
        var ns = await CreateAsync("unrelated", replicas: 1);
        var manifest = WriteManifest(ns, "dry", replicas: 2);

        var (exitCode, output, error) = await _kubectl.RunAsync("apply", "--dry-run=server", "-f", manifest);

        exitCode.Should().Be(0, error);
        output.Should().Contain("(server dry run)");
        (await _server.Client.GetJsonAsync(Manifests.BotClusterPath(ns, "dry"))).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ServerSideApply_ConflictThenForce()
    {
        var ns = await CreateAsync("unrelated", replicas: 1);
        var manifest = WriteManifest(ns, "ssa", replicas: 2);
        var first = await _kubectl.RunAsync("apply", "--server-side", "--field-manager=git", "-f", manifest);
        first.ExitCode.Should().Be(0, first.Error);
        WriteManifest(ns, "ssa", replicas: 5);

        var conflict = await _kubectl.RunAsync("apply", "--server-side", "--field-manager=other", "-f", manifest);
        var forced = await _kubectl.RunAsync("apply", "--server-side", "--field-manager=other", "--force-conflicts", "-f", manifest);
        var stored = await _server.Client.GetJsonAsync(Manifests.BotClusterPath(ns, "ssa"));

        conflict.ExitCode.Should().NotBe(0);
        conflict.Error.Should().Contain("conflict with \"git\"").And.Contain(".spec.replicas");
        forced.ExitCode.Should().Be(0, forced.Error);
        forced.Output.Should().Contain("serverside-applied");
        stored.Json["spec"]!["replicas"]!.GetValue<int>().Should().Be(5);
    }

    private string WriteManifest(string ns, string name, int replicas)
    {
        var path = Path.Combine(_directory, name + ".yaml");
        File.WriteAllText(path, $"""
            apiVersion: {Manifests.ApiVersion}
            kind: BotCluster
            metadata:
              name: {name}
              namespace: {ns}
            spec:
              image: botserver-standin
              replicas: {replicas}
            """);
        return path;
    }

    private async Task<string> CreateAsync(string name, int replicas)
    {
        KubectlTool.Path.Should().NotBeNull("kubectl is not installed; run hack/install-kubectl.sh for Debian's kubectl 1.20");
        var ns = Manifests.UniqueNamespace();
        await _server.Client.CreateBotClusterAsync(ns, Manifests.BotCluster(name, replicas));
        return ns;
    }

    private static async Task<string> ReadLineAsync(Process process)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        return await process.StandardOutput.ReadLineAsync(timeout.Token)
            ?? throw new InvalidOperationException("kubectl closed its output: " + await process.StandardError.ReadToEndAsync());
    }
}
