using System.Net;
using System.Text.Json.Nodes;
using GbOperator.ApiServer.Tests.Infrastructure;

namespace GbOperator.ApiServer.Tests.Http;

/// <summary>Each kind of invalid request gets its own error and leaves the store untouched.</summary>
public abstract class BadInputTests<TServer>(TServer server) : IClassFixture<TServer>
    where TServer : ApiServerFixture
{
    [Fact]
    public async Task Create_MalformedJson_ReportsLineAndColumn()
    {
        var ns = Manifests.UniqueNamespace();
        var body = "{\n  \"apiVersion\": \"generalbots.ai/v1alpha1\",\n  \"kind\": \"BotCluster\",\n  \"metadata\": {\"name\": \"web\",}\n}";
        var revision = await CurrentRevisionAsync();

        var response = await server.Client.SendTextAsync(HttpMethod.Post, Manifests.BotClusters(ns), body, "application/json");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Reason.Should().Be("BadRequest");
        response.Message.Should().Contain("line 4, column");
        (await CurrentRevisionAsync()).Should().Be(revision);
    }

    [Fact]
    public async Task Create_MalformedYaml_ReportsLineAndColumn()
    {
        var ns = Manifests.UniqueNamespace();
        var body = "apiVersion: generalbots.ai/v1alpha1\nkind: BotCluster\nmetadata:\n  name: web\n spec: [\n";
        var revision = await CurrentRevisionAsync();

        var response = await server.Client.SendTextAsync(HttpMethod.Post, Manifests.BotClusters(ns), body, "application/yaml");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Message.Should().MatchRegex("line [0-9]+, column [0-9]+");
        (await CurrentRevisionAsync()).Should().Be(revision);
    }

    [Fact]
    public async Task Create_DuplicateJsonKey_ReturnsBadRequest()
    {
        var ns = Manifests.UniqueNamespace();
        var body = """
            {"apiVersion":"generalbots.ai/v1alpha1","kind":"BotCluster",
             "metadata":{"name":"web"},
             "spec":{"image":"botserver-standin","replicas":1,"replicas":2}}
            """;
        var revision = await CurrentRevisionAsync();

        var response = await server.Client.SendTextAsync(HttpMethod.Post, Manifests.BotClusters(ns), body, "application/json");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Message.Should().Contain("duplicate field \"replicas\"").And.Contain("line 3");
        (await CurrentRevisionAsync()).Should().Be(revision);
    }

    [Fact]
    public async Task Create_DuplicateYamlKey_ReturnsBadRequest()
    {
        var ns = Manifests.UniqueNamespace();
        var body = "apiVersion: generalbots.ai/v1alpha1\nkind: BotCluster\nmetadata:\n  name: web\nspec:\n  image: a\n  image: b\n";
        var revision = await CurrentRevisionAsync();

        var response = await server.Client.SendTextAsync(HttpMethod.Post, Manifests.BotClusters(ns), body, "application/yaml");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Message.Should().Contain("line 7");
        (await CurrentRevisionAsync()).Should().Be(revision);
    }

    [Fact]
    public async Task Create_UnknownPlural_ReturnsNotFound()
    {
        var revision = await CurrentRevisionAsync();

        var response = await server.Client.PostJsonAsync($"/apis/{Manifests.ApiVersion}/namespaces/default/widgets", Manifests.BotCluster("web"));

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        response.Reason.Should().Be("NotFound");
        (await CurrentRevisionAsync()).Should().Be(revision);
    }

    [Fact]
    public async Task Create_UnknownField_ReturnsInvalidNamingField()
    {
        var ns = Manifests.UniqueNamespace();
        var body = Manifests.BotCluster("web");
        body["spec"]!["replicaz"] = 2;
        var revision = await CurrentRevisionAsync();

        var response = await server.Client.PostJsonAsync(Manifests.BotClusters(ns), body);

        response.StatusCode.Should().Be((HttpStatusCode)422);
        response.Reason.Should().Be("Invalid");
        Causes(response).Should().Contain(cause => cause.Field.Contains("replicaz"));
        (await CurrentRevisionAsync()).Should().Be(revision);
    }

    [Fact]
    public async Task Create_WrongType_ReturnsInvalidNamingField()
    {
        var ns = Manifests.UniqueNamespace();
        var body = Manifests.BotCluster("web");
        body["spec"]!["replicas"] = "three";
        var revision = await CurrentRevisionAsync();

        var response = await server.Client.PostJsonAsync(Manifests.BotClusters(ns), body);

        response.StatusCode.Should().Be((HttpStatusCode)422);
        Causes(response).Should().Contain(cause => cause.Field == "spec.replicas");
        (await CurrentRevisionAsync()).Should().Be(revision);
    }

    [Fact]
    public async Task Create_FailedValidation_ReturnsInvalidWithCauses()
    {
        var ns = Manifests.UniqueNamespace();
        var body = Manifests.BotCluster("web", replicas: -1, image: "");
        var revision = await CurrentRevisionAsync();

        var response = await server.Client.PostJsonAsync(Manifests.BotClusters(ns), body);

        response.StatusCode.Should().Be((HttpStatusCode)422);
        response.Reason.Should().Be("Invalid");
        response.Message.Should().StartWith("BotCluster.generalbots.ai \"web\" is invalid: ");
        response.Json["details"]!["kind"]!.GetValue<string>().Should().Be("BotCluster");
        var fields = Causes(response).Select(cause => cause.Field).ToList();
        fields.Should().Contain("spec.replicas");
        fields.Should().Contain("spec.image");
        Causes(response).Should().OnlyContain(cause => cause.Reason.StartsWith("FieldValue"));
        (await CurrentRevisionAsync()).Should().Be(revision);
    }

    [Theory]
    [InlineData("Web")]
    [InlineData("web_1")]
    [InlineData("-web")]
    [InlineData("web.")]
    public async Task Create_NonDnsName_ReturnsInvalid(string name)
    {
        var ns = Manifests.UniqueNamespace();
        var revision = await CurrentRevisionAsync();

        var response = await server.Client.PostJsonAsync(Manifests.BotClusters(ns), Manifests.BotCluster(name));

        response.StatusCode.Should().Be((HttpStatusCode)422);
        Causes(response).Should().Contain(cause => cause.Field == "metadata.name");
        (await CurrentRevisionAsync()).Should().Be(revision);
    }

    [Fact]
    public async Task Create_NonDnsNamespace_ReturnsInvalid()
    {
        var revision = await CurrentRevisionAsync();

        var response = await server.Client.PostJsonAsync(Manifests.BotClusters("Bad_Namespace"), Manifests.BotCluster("web"));

        response.StatusCode.Should().Be((HttpStatusCode)422);
        Causes(response).Should().Contain(cause => cause.Field == "metadata.namespace");
        (await CurrentRevisionAsync()).Should().Be(revision);
    }

    [Fact]
    public async Task Create_BodyOverLimit_ReturnsTooLarge()
    {
        var ns = Manifests.UniqueNamespace();
        var body = Manifests.BotCluster("web");
        body["metadata"]!["annotations"] = new JsonObject { ["padding"] = new string('x', 1_600_000) };
        var revision = await CurrentRevisionAsync();

        var response = await server.Client.PostJsonAsync(Manifests.BotClusters(ns), body);

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        response.Reason.Should().Be("RequestEntityTooLarge");
        (await CurrentRevisionAsync()).Should().Be(revision);
    }

    [Fact]
    public async Task Update_OlderResourceVersion_ReturnsConflict()
    {
        var ns = Manifests.UniqueNamespace();
        var created = await server.Client.CreateBotClusterAsync(ns, Manifests.BotCluster("web", replicas: 1));
        var stale = created.DeepClone().AsObject();
        stale["metadata"]!["resourceVersion"] = (long.Parse(created["metadata"]!["resourceVersion"]!.GetValue<string>()) - 1).ToString();
        stale["spec"]!["replicas"] = 9;
        var revision = await CurrentRevisionAsync();

        var response = await server.Client.PutJsonAsync(Manifests.BotClusterPath(ns, "web"), stale);

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await CurrentRevisionAsync()).Should().Be(revision);
        (await server.Client.GetJsonAsync(Manifests.BotClusterPath(ns, "web"))).Json["spec"]!["replicas"]!.GetValue<int>().Should().Be(1);
    }

    [Fact]
    public async Task Update_InvalidSpec_ReturnsInvalid()
    {
        var ns = Manifests.UniqueNamespace();
        var created = await server.Client.CreateBotClusterAsync(ns, Manifests.BotCluster("web", replicas: 1));
        created["spec"]!["replicas"] = -3;
        var revision = await CurrentRevisionAsync();

        var response = await server.Client.PutJsonAsync(Manifests.BotClusterPath(ns, "web"), created);

        response.StatusCode.Should().Be((HttpStatusCode)422);
        (await CurrentRevisionAsync()).Should().Be(revision);
    }

    [Fact]
    public async Task Create_ResourceVersionSet_ReturnsBadRequest()
    {
        var ns = Manifests.UniqueNamespace();
        var body = Manifests.BotCluster("web");
        body["metadata"]!["resourceVersion"] = "12";
        var revision = await CurrentRevisionAsync();

        var response = await server.Client.PostJsonAsync(Manifests.BotClusters(ns), body);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await CurrentRevisionAsync()).Should().Be(revision);
    }

    [Fact]
    public async Task Create_UnsupportedContentType_ReturnsUnsupportedMediaType()
    {
        var ns = Manifests.UniqueNamespace();

        var response = await server.Client.SendTextAsync(HttpMethod.Post, Manifests.BotClusters(ns), Manifests.BotCluster("web").ToJsonString(), "text/plain");

        response.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Create_BodyNotObject_ReturnsBadRequest()
    {
        var ns = Manifests.UniqueNamespace();

        var response = await server.Client.SendTextAsync(HttpMethod.Post, Manifests.BotClusters(ns), "[1,2]", "application/json");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    private Task<long> CurrentRevisionAsync() => server.Store.GetCurrentRevisionAsync(CancellationToken.None);

    private static List<(string Field, string Reason)> Causes(ApiResponse response) =>
        response.Json["details"]!["causes"]!.AsArray()
            .Select(cause => (cause!["field"]?.GetValue<string>() ?? string.Empty, cause["reason"]?.GetValue<string>() ?? string.Empty))
            .ToList();
}
