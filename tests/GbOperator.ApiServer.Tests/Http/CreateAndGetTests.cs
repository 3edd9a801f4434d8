using System.Net;
using System.Text.Json.Nodes;
using GbOperator.ApiServer.Tests.Infrastructure;

namespace GbOperator.ApiServer.Tests.Http;

public abstract class CreateAndGetTests<TServer>(TServer server) : IClassFixture<TServer>
    where TServer : ApiServerFixture
{
    [Fact]
    public async Task Create_ValidObject_SetsServerMetadata()
    {
        var ns = Manifests.UniqueNamespace();

        var response = await server.Client.PostJsonAsync(Manifests.BotClusters(ns), Manifests.BotCluster("web"));

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var metadata = response.Json["metadata"]!;
        metadata["namespace"]!.GetValue<string>().Should().Be(ns);
        Guid.TryParse(metadata["uid"]!.GetValue<string>(), out _).Should().BeTrue();
        metadata["generation"]!.GetValue<long>().Should().Be(1);
        metadata["creationTimestamp"]!.GetValue<string>().Should().MatchRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$");
        long.Parse(metadata["resourceVersion"]!.GetValue<string>()).Should().BePositive();
    }

    [Fact]
    public async Task Create_ValidObject_FillsSpecDefaults()
    {
        var ns = Manifests.UniqueNamespace();

        var created = await server.Client.CreateBotClusterAsync(ns, Manifests.BotCluster("web"));

        created["spec"]!["port"]!.GetValue<int>().Should().Be(8080);
        created["spec"]!["drainTimeout"]!.GetValue<string>().Should().Be("30s");
    }

    [Fact]
    public async Task Create_WithStatus_DropsStatus()
    {
        var ns = Manifests.UniqueNamespace();
        var body = Manifests.BotCluster("web");
        body["status"] = new JsonObject { ["replicas"] = 7 };

        var created = await server.Client.CreateBotClusterAsync(ns, body);

        (created["status"]?["replicas"]?.GetValue<int>() ?? 0).Should().Be(0);
    }

    [Fact]
    public async Task Get_AfterCreate_ReturnsStoredObject()
    {
        var ns = Manifests.UniqueNamespace();
        var created = await server.Client.CreateBotClusterAsync(ns, Manifests.BotCluster("web", replicas: 3));

        var response = await server.Client.GetJsonAsync(Manifests.BotClusterPath(ns, "web"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Json["kind"]!.GetValue<string>().Should().Be("BotCluster");
        response.Json["apiVersion"]!.GetValue<string>().Should().Be(Manifests.ApiVersion);
        response.Json["spec"]!["replicas"]!.GetValue<int>().Should().Be(3);
        response.ResourceVersion.Should().Be(created["metadata"]!["resourceVersion"]!.GetValue<string>());
    }

    [Fact]
    public async Task Get_Missing_ReturnsNotFoundStatus()
    {
        var ns = Manifests.UniqueNamespace();

        var response = await server.Client.GetJsonAsync(Manifests.BotClusterPath(ns, "missing"));

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        response.Reason.Should().Be("NotFound");
        response.Message.Should().Be("botclusters.generalbots.ai \"missing\" not found");
        response.Json["details"]!["kind"]!.GetValue<string>().Should().Be("botclusters");
        response.Json["code"]!.GetValue<int>().Should().Be(404);
    }

    [Fact]
    public async Task Create_Existing_ReturnsAlreadyExists()
    {
        var ns = Manifests.UniqueNamespace();
        var first = await server.Client.CreateBotClusterAsync(ns, Manifests.BotCluster("web", replicas: 1));

        var response = await server.Client.PostJsonAsync(Manifests.BotClusters(ns), Manifests.BotCluster("web", replicas: 5));

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        response.Reason.Should().Be("AlreadyExists");
        response.Message.Should().Be("botclusters.generalbots.ai \"web\" already exists");
        var stored = await server.Client.GetJsonAsync(Manifests.BotClusterPath(ns, "web"));
        stored.ResourceVersion.Should().Be(first["metadata"]!["resourceVersion"]!.GetValue<string>());
        stored.Json["spec"]!["replicas"]!.GetValue<int>().Should().Be(1);
    }

    [Fact]
    public async Task Create_WithGenerateName_AppendsRandomSuffix()
    {
        var ns = Manifests.UniqueNamespace();
        var body = Manifests.BotCluster("ignored");
        body["metadata"]!.AsObject().Remove("name");
        body["metadata"]!["generateName"] = "web-";

        var created = await server.Client.CreateBotClusterAsync(ns, body);

        created["metadata"]!["name"]!.GetValue<string>().Should().MatchRegex("^web-[a-z0-9]{5}$");
    }

    [Fact]
    public async Task Create_WithoutNameOrGenerateName_ReturnsInvalid()
    {
        var ns = Manifests.UniqueNamespace();
        var body = Manifests.BotCluster("ignored");
        body["metadata"]!.AsObject().Remove("name");

        var response = await server.Client.PostJsonAsync(Manifests.BotClusters(ns), body);

        response.StatusCode.Should().Be((HttpStatusCode)422);
        response.Json["details"]!["causes"]![0]!["field"]!.GetValue<string>().Should().Be("metadata.name");
    }

    [Fact]
    public async Task Create_NamespaceMismatch_ReturnsBadRequest()
    {
        var ns = Manifests.UniqueNamespace();
        var body = Manifests.BotCluster("web");
        body["metadata"]!["namespace"] = "elsewhere";

        var response = await server.Client.PostJsonAsync(Manifests.BotClusters(ns), body);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Reason.Should().Be("BadRequest");
        response.Message.Should().Contain("does not match the namespace");
        (await server.Client.GetJsonAsync(Manifests.BotClusterPath(ns, "web"))).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await server.Client.GetJsonAsync(Manifests.BotClusterPath("elsewhere", "web"))).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Create_KindDiffersFromUrl_ReturnsBadRequest()
    {
        var ns = Manifests.UniqueNamespace();
        var body = Manifests.BotCluster("web");
        body["kind"] = "ShardMap";

        var response = await server.Client.PostJsonAsync(Manifests.BotClusters(ns), body);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await server.Client.GetJsonAsync(Manifests.BotClusterPath(ns, "web"))).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Create_YamlBody_IsAccepted()
    {
        var ns = Manifests.UniqueNamespace();
        var yaml = $"""
            apiVersion: {Manifests.ApiVersion}
            kind: BotCluster
            metadata:
              name: from-yaml
            spec:
              image: botserver-standin
              replicas: 2
            """;

        var response = await server.Client.SendTextAsync(HttpMethod.Post, Manifests.BotClusters(ns), yaml, "application/yaml");

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        response.Json["spec"]!["replicas"]!.GetValue<int>().Should().Be(2);
    }

    [Fact]
    public async Task Create_DryRun_ReturnsObjectAndStoresNothing()
    {
        var ns = Manifests.UniqueNamespace();
        var revisionBefore = await server.Store.GetCurrentRevisionAsync(CancellationToken.None);

        var response = await server.Client.PostJsonAsync(Manifests.BotClusters(ns) + "?dryRun=All", Manifests.BotCluster("web"));

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        response.Json["metadata"]!["uid"].Should().NotBeNull();
        (await server.Client.GetJsonAsync(Manifests.BotClusterPath(ns, "web"))).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await server.Store.GetCurrentRevisionAsync(CancellationToken.None)).Should().Be(revisionBefore);
    }

    [Fact]
    public async Task Create_UnsupportedDryRunValue_ReturnsInvalid()
    {
        var ns = Manifests.UniqueNamespace();

        var response = await server.Client.PostJsonAsync(Manifests.BotClusters(ns) + "?dryRun=Some", Manifests.BotCluster("web"));

        response.StatusCode.Should().Be((HttpStatusCode)422);
        (await server.Client.GetJsonAsync(Manifests.BotClusterPath(ns, "web"))).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ClusterWidePath_Post_ReturnsMethodNotAllowed()
    {
        var response = await server.Client.PostJsonAsync($"/apis/{Manifests.ApiVersion}/botclusters", Manifests.BotCluster("web"));

        response.StatusCode.Should().Be(HttpStatusCode.MethodNotAllowed);
        response.Reason.Should().Be("MethodNotAllowed");
    }
}
