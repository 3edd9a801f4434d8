using System.Net;
using System.Text.Json.Nodes;
using GbOperator.ApiServer.Tests.Infrastructure;

namespace GbOperator.ApiServer.Tests.Http;

/// <summary>Each kind of bad server-side apply request, and that none changes the stored object.</summary>
public abstract class ServerSideApplyBadInputTests<TServer>(TServer server) : IClassFixture<TServer>
    where TServer : ApiServerFixture
{
    [Fact]
    public async Task Apply_MissingFieldManager_ReturnsInvalid()
    {
        var (path, created) = await CreateAsync();

        var response = await server.Client.ApplyYamlAsync(path, string.Empty, Apply.BotClusterYaml("web", "replicas: 3"));

        response.StatusCode.Should().Be((HttpStatusCode)422);
        response.Json["details"]!["causes"]![0]!["field"]!.GetValue<string>().Should().Be("fieldManager");
        response.Message.Should().Contain("fieldManager=NAME");
        await ExpectUnchangedAsync(path, created);
    }

    [Fact]
    public async Task Apply_TooLongFieldManager_ReturnsInvalid()
    {
        var (path, created) = await CreateAsync();

        var response = await server.Client.ApplyYamlAsync(path, "fieldManager=" + new string('m', 129), Apply.BotClusterYaml("web", "replicas: 3"));

        response.StatusCode.Should().Be((HttpStatusCode)422);
        response.Message.Should().Contain("128");
        await ExpectUnchangedAsync(path, created);
    }

    [Fact]
    public async Task Apply_InvalidYaml_ReturnsBadRequestWithLine()
    {
        var (path, created) = await CreateAsync();

        var response = await server.Client.ApplyYamlAsync(path, "fieldManager=gitops", "apiVersion: generalbots.ai/v1alpha1\nkind: BotCluster\nmetadata: {name: web\nspec: [\n");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Message.Should().Contain("invalid YAML").And.Contain("line");
        await ExpectUnchangedAsync(path, created);
    }

    [Fact]
    public async Task Apply_OtherKind_ReturnsBadRequest()
    {
        var (path, created) = await CreateAsync();
        var yaml = Apply.BotClusterYaml("web", "replicas: 3").Replace("kind: BotCluster", "kind: ShardMap", StringComparison.Ordinal);

        var response = await server.Client.ApplyYamlAsync(path, "fieldManager=gitops", yaml);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Message.Should().Contain("ShardMap");
        await ExpectUnchangedAsync(path, created);
    }

    [Fact]
    public async Task Apply_OtherName_ReturnsBadRequest()
    {
        var (path, created) = await CreateAsync();

        var response = await server.Client.ApplyYamlAsync(path, "fieldManager=gitops", Apply.BotClusterYaml("api", "replicas: 3"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Message.Should().Contain("(api)").And.Contain("(web)");
        await ExpectUnchangedAsync(path, created);
    }

    [Fact]
    public async Task Apply_MissingKind_ReturnsBadRequest()
    {
        var (path, created) = await CreateAsync();

        var response = await server.Client.ApplyYamlAsync(path, "fieldManager=gitops", "apiVersion: generalbots.ai/v1alpha1\nmetadata:\n  name: web\nspec:\n  replicas: 3\n");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Message.Should().Contain("apiVersion and kind must be set");
        await ExpectUnchangedAsync(path, created);
    }

    [Fact]
    public async Task Apply_ManagedFieldsInBody_ReturnsBadRequest()
    {
        var (path, created) = await CreateAsync();
        var yaml = Apply.BotClusterYaml("web", "replicas: 3").Replace("  name: web", "  name: web\n  managedFields: []", StringComparison.Ordinal);

        var response = await server.Client.ApplyYamlAsync(path, "fieldManager=gitops", yaml);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Message.Should().Contain("metadata.managedFields");
        await ExpectUnchangedAsync(path, created);
    }

    [Fact]
    public async Task Apply_InvalidSpec_ReturnsInvalid()
    {
        var (path, created) = await CreateAsync();

        var response = await server.Client.ApplyYamlAsync(path, "fieldManager=gitops", Apply.BotClusterYaml("web", "replicas: -2"));

        response.StatusCode.Should().Be((HttpStatusCode)422);
        response.Json["details"]!["causes"]![0]!["field"]!.GetValue<string>().Should().Be("spec.replicas");
        await ExpectUnchangedAsync(path, created);
    }

    [Fact]
    public async Task Apply_InvalidForceValue_ReturnsInvalid()
    {
        var (path, created) = await CreateAsync();

        var response = await server.Client.ApplyYamlAsync(path, "fieldManager=gitops&force=yes", Apply.BotClusterYaml("web", "replicas: 3"));

        response.StatusCode.Should().Be((HttpStatusCode)422);
        response.Json["details"]!["causes"]![0]!["field"]!.GetValue<string>().Should().Be("force");
        await ExpectUnchangedAsync(path, created);
    }

    [Fact]
    public async Task MergePatch_WithForce_ReturnsInvalid()
    {
        var (path, created) = await CreateAsync();

        var response = await server.Client.PatchAsync(path + "?force=true", JsonNode.Parse("""{"spec":{"replicas":3}}""")!, "application/merge-patch+json");

        response.StatusCode.Should().Be((HttpStatusCode)422);
        response.Message.Should().Contain("non-apply patch");
        await ExpectUnchangedAsync(path, created);
    }

    [Fact]
    public async Task Apply_StatusSubresource_ReturnsUnsupportedMediaType()
    {
        var (path, created) = await CreateAsync();

        var response = await server.Client.ApplyYamlAsync(path + "/status", "fieldManager=gitops", Apply.BotClusterYaml("web", "replicas: 3"));

        response.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        await ExpectUnchangedAsync(path, created);
    }

    private async Task<(string Path, JsonObject Created)> CreateAsync()
    {
        var ns = Manifests.UniqueNamespace();
        var created = await server.Client.CreateBotClusterAsync(ns, Manifests.BotCluster("web", replicas: 1));
        return (Manifests.BotClusterPath(ns, "web"), created);
    }

    private async Task ExpectUnchangedAsync(string path, JsonObject created)
    {
        var stored = await server.Client.GetJsonAsync(path);
        stored.ResourceVersion.Should().Be(created["metadata"]!["resourceVersion"]!.GetValue<string>());
    }
}
