using System.Net;
using System.Text.Json.Nodes;
using GbOperator.ApiServer.Tests.Infrastructure;

namespace GbOperator.ApiServer.Tests.Http;

public abstract class UpdateTests<TServer>(TServer server) : IClassFixture<TServer>
    where TServer : ApiServerFixture
{
    [Fact]
    public async Task Update_SpecChange_BumpsGenerationAndRevision()
    {
        var ns = Manifests.UniqueNamespace();
        var created = await server.Client.CreateBotClusterAsync(ns, Manifests.BotCluster("web", replicas: 1));
        created["spec"]!["replicas"] = 2;

        var response = await server.Client.PutJsonAsync(Manifests.BotClusterPath(ns, "web"), created);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Json["metadata"]!["generation"]!.GetValue<long>().Should().Be(2);
        response.Json["spec"]!["replicas"]!.GetValue<int>().Should().Be(2);
        response.ResourceVersion.Should().NotBe(created["metadata"]!["resourceVersion"]!.GetValue<string>());
        response.Json["metadata"]!["uid"]!.GetValue<string>().Should().Be(created["metadata"]!["uid"]!.GetValue<string>());
    }

    [Fact]
    public async Task Update_LabelChangeOnly_KeepsGeneration()
    {
        var ns = Manifests.UniqueNamespace();
        var created = await server.Client.CreateBotClusterAsync(ns, Manifests.BotCluster("web"));
        created["metadata"]!["labels"] = new JsonObject { ["team"] = "bots" };

        var response = await server.Client.PutJsonAsync(Manifests.BotClusterPath(ns, "web"), created);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Json["metadata"]!["generation"]!.GetValue<long>().Should().Be(1);
        response.Json["metadata"]!["labels"]!["team"]!.GetValue<string>().Should().Be("bots");
    }

    [Fact]
    public async Task Update_StaleResourceVersion_ReturnsConflict()
    {
        var ns = Manifests.UniqueNamespace();
        var created = await server.Client.CreateBotClusterAsync(ns, Manifests.BotCluster("web", replicas: 1));
        var stale = created.DeepClone().AsObject();
        created["spec"]!["replicas"] = 2;
        var winner = await server.Client.PutJsonAsync(Manifests.BotClusterPath(ns, "web"), created);
        stale["spec"]!["replicas"] = 9;

        var response = await server.Client.PutJsonAsync(Manifests.BotClusterPath(ns, "web"), stale);

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        response.Reason.Should().Be("Conflict");
        response.Message.Should().Be("Operation cannot be fulfilled on botclusters.generalbots.ai \"web\": the object has been modified; please apply your changes to the latest version and try again");
        var stored = await server.Client.GetJsonAsync(Manifests.BotClusterPath(ns, "web"));
        stored.Json["spec"]!["replicas"]!.GetValue<int>().Should().Be(2);
        stored.ResourceVersion.Should().Be(winner.ResourceVersion);
    }

    [Fact]
    public async Task Update_WithoutResourceVersion_ReturnsInvalid()
    {
        var ns = Manifests.UniqueNamespace();
        var created = await server.Client.CreateBotClusterAsync(ns, Manifests.BotCluster("web", replicas: 1));
        var body = Manifests.BotCluster("web", replicas: 5);

        var response = await server.Client.PutJsonAsync(Manifests.BotClusterPath(ns, "web"), body);

        response.StatusCode.Should().Be((HttpStatusCode)422);
        response.Reason.Should().Be("Invalid");
        response.Json["details"]!["causes"]![0]!["field"]!.GetValue<string>().Should().Be("metadata.resourceVersion");
        var stored = await server.Client.GetJsonAsync(Manifests.BotClusterPath(ns, "web"));
        stored.ResourceVersion.Should().Be(created["metadata"]!["resourceVersion"]!.GetValue<string>());
    }

    [Fact]
    public async Task Update_Missing_ReturnsNotFoundAndCreatesNothing()
    {
        var ns = Manifests.UniqueNamespace();
        var body = Manifests.BotCluster("ghost");
        body["metadata"]!["resourceVersion"] = "1";

        var response = await server.Client.PutJsonAsync(Manifests.BotClusterPath(ns, "ghost"), body);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await server.Client.GetJsonAsync(Manifests.BotClusterPath(ns, "ghost"))).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Update_NameDiffersFromUrl_ReturnsBadRequest()
    {
        var ns = Manifests.UniqueNamespace();
        var created = await server.Client.CreateBotClusterAsync(ns, Manifests.BotCluster("web"));
        created["metadata"]!["name"] = "other";

        var response = await server.Client.PutJsonAsync(Manifests.BotClusterPath(ns, "web"), created);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await server.Client.GetJsonAsync(Manifests.BotClusterPath(ns, "other"))).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Update_MainResourceWithStatus_IgnoresStatus()
    {
        var ns = Manifests.UniqueNamespace();
        var created = await server.Client.CreateBotClusterAsync(ns, Manifests.BotCluster("web"));
        created["status"] = new JsonObject { ["replicas"] = 5 };

        var response = await server.Client.PutJsonAsync(Manifests.BotClusterPath(ns, "web"), created);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (response.Json["status"]?["replicas"]?.GetValue<int>() ?? 0).Should().Be(0);
    }

    [Fact]
    public async Task UpdateStatus_ChangesOnlyStatus()
    {
        var ns = Manifests.UniqueNamespace();
        var created = await server.Client.CreateBotClusterAsync(ns, Manifests.BotCluster("web", replicas: 1));
        var body = created.DeepClone().AsObject();
        body["status"] = new JsonObject { ["replicas"] = 1, ["readyReplicas"] = 1, ["observedGeneration"] = 1 };
        body["spec"]!["replicas"] = 7;

        var response = await server.Client.PutJsonAsync(Manifests.BotClusterPath(ns, "web") + "/status", body);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Json["status"]!["readyReplicas"]!.GetValue<int>().Should().Be(1);
        response.Json["spec"]!["replicas"]!.GetValue<int>().Should().Be(1);
        response.Json["metadata"]!["generation"]!.GetValue<long>().Should().Be(1);
        var stored = await server.Client.GetJsonAsync(Manifests.BotClusterPath(ns, "web"));
        stored.Json["status"]!["observedGeneration"]!.GetValue<long>().Should().Be(1);
        stored.Json["spec"]!["replicas"]!.GetValue<int>().Should().Be(1);
    }

    [Fact]
    public async Task UpdateStatus_StaleResourceVersion_ReturnsConflict()
    {
        var ns = Manifests.UniqueNamespace();
        var created = await server.Client.CreateBotClusterAsync(ns, Manifests.BotCluster("web"));
        var patch = new JsonObject { ["spec"] = new JsonObject { ["replicas"] = 2 } };
        await server.Client.PatchAsync(Manifests.BotClusterPath(ns, "web"), patch, "application/merge-patch+json");
        created["status"] = new JsonObject { ["replicas"] = 1 };

        var response = await server.Client.PutJsonAsync(Manifests.BotClusterPath(ns, "web") + "/status", created);

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task GetStatus_ReturnsWholeObject()
    {
        var ns = Manifests.UniqueNamespace();
        await server.Client.CreateBotClusterAsync(ns, Manifests.BotCluster("web"));

        var response = await server.Client.GetJsonAsync(Manifests.BotClusterPath(ns, "web") + "/status");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Json["kind"]!.GetValue<string>().Should().Be("BotCluster");
    }

    [Fact]
    public async Task Update_Unchanged_KeepsResourceVersion()
    {
        var ns = Manifests.UniqueNamespace();
        var created = await server.Client.CreateBotClusterAsync(ns, Manifests.BotCluster("web"));

        var response = await server.Client.PutJsonAsync(Manifests.BotClusterPath(ns, "web"), created);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.ResourceVersion.Should().Be(created["metadata"]!["resourceVersion"]!.GetValue<string>());
    }

    [Fact]
    public async Task Update_DryRun_StoresNothing()
    {
        var ns = Manifests.UniqueNamespace();
        var created = await server.Client.CreateBotClusterAsync(ns, Manifests.BotCluster("web", replicas: 1));
        var body = created.DeepClone().AsObject();
        body["spec"]!["replicas"] = 4;

        var response = await server.Client.PutJsonAsync(Manifests.BotClusterPath(ns, "web") + "?dryRun=All", body);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Json["spec"]!["replicas"]!.GetValue<int>().Should().Be(4);
        var stored = await server.Client.GetJsonAsync(Manifests.BotClusterPath(ns, "web"));
        stored.Json["spec"]!["replicas"]!.GetValue<int>().Should().Be(1);
        stored.ResourceVersion.Should().Be(created["metadata"]!["resourceVersion"]!.GetValue<string>());
    }
}
