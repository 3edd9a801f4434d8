using System.Net;
using System.Text.Json.Nodes;
using GbOperator.ApiServer.Tests.Infrastructure;

namespace GbOperator.ApiServer.Tests.Http;

public abstract class DeleteTests<TServer>(TServer server) : IClassFixture<TServer>
    where TServer : ApiServerFixture
{
    [Fact]
    public async Task Delete_WithoutFinalizers_RemovesAndReturnsSuccessStatus()
    {
        var ns = Manifests.UniqueNamespace();
        var created = await server.Client.CreateBotClusterAsync(ns, Manifests.BotCluster("web"));

        var response = await server.Client.DeleteObjectAsync(Manifests.BotClusterPath(ns, "web"), new JsonObject { ["propagationPolicy"] = "Background" });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Json["kind"]!.GetValue<string>().Should().Be("Status");
        response.Json["status"]!.GetValue<string>().Should().Be("Success");
        response.Json["details"]!["uid"]!.GetValue<string>().Should().Be(created["metadata"]!["uid"]!.GetValue<string>());
        (await server.Client.GetJsonAsync(Manifests.BotClusterPath(ns, "web"))).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Delete_Missing_ReturnsNotFound()
    {
        var response = await server.Client.DeleteObjectAsync(Manifests.BotClusterPath(Manifests.UniqueNamespace(), "ghost"));

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Delete_WithFinalizer_SetsDeletionTimestamp()
    {
        var ns = Manifests.UniqueNamespace();
        var body = Manifests.BotCluster("web");
        body["metadata"]!["finalizers"] = new JsonArray("generalbots.ai/cleanup");
        await server.Client.CreateBotClusterAsync(ns, body);

        var response = await server.Client.DeleteObjectAsync(Manifests.BotClusterPath(ns, "web"));
        var again = await server.Client.DeleteObjectAsync(Manifests.BotClusterPath(ns, "web"));
        var stored = await server.Client.GetJsonAsync(Manifests.BotClusterPath(ns, "web"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Json["kind"]!.GetValue<string>().Should().Be("BotCluster");
        response.Json["metadata"]!["deletionTimestamp"].Should().NotBeNull();
        response.Json["metadata"]!["generation"]!.GetValue<long>().Should().Be(2);
        again.StatusCode.Should().Be(HttpStatusCode.OK);
        again.ResourceVersion.Should().Be(response.ResourceVersion);
        stored.StatusCode.Should().Be(HttpStatusCode.OK);
        stored.Json["metadata"]!["deletionTimestamp"].Should().NotBeNull();
    }

    [Fact]
    public async Task RemoveLastFinalizer_WhileDeleting_DeletesObject()
    {
        var ns = Manifests.UniqueNamespace();
        var body = Manifests.BotCluster("web");
        body["metadata"]!["finalizers"] = new JsonArray("generalbots.ai/cleanup");
        await server.Client.CreateBotClusterAsync(ns, body);
        await server.Client.DeleteObjectAsync(Manifests.BotClusterPath(ns, "web"));
        await using var watch = await WatchStream.OpenAsync(server.Client, Manifests.BotClusters(ns) + "?watch=true");
        (await watch.ReadNextAsync())!.Type().Should().Be("ADDED");

        var patch = JsonNode.Parse("""{"metadata":{"finalizers":null}}""")!;
        var response = await server.Client.PatchAsync(Manifests.BotClusterPath(ns, "web"), patch, "application/merge-patch+json");
        // A watch without a resourceVersion may start from a snapshot taken before the delete request, so the
        // deletionTimestamp can still arrive as a MODIFIED event ahead of the DELETED one.
        var deleted = await watch.ReadNextAsync();
        while (deleted?.Type() == "MODIFIED")
        {
            deleted = await watch.ReadNextAsync();
        }

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await server.Client.GetJsonAsync(Manifests.BotClusterPath(ns, "web"))).StatusCode.Should().Be(HttpStatusCode.NotFound);
        deleted!.Type().Should().Be("DELETED");
    }

    [Fact]
    public async Task AddFinalizer_WhileDeleting_ReturnsInvalid()
    {
        var ns = Manifests.UniqueNamespace();
        var body = Manifests.BotCluster("web");
        body["metadata"]!["finalizers"] = new JsonArray("generalbots.ai/cleanup");
        await server.Client.CreateBotClusterAsync(ns, body);
        var deleting = await server.Client.DeleteObjectAsync(Manifests.BotClusterPath(ns, "web"));

        var patch = JsonNode.Parse("""{"metadata":{"finalizers":["generalbots.ai/cleanup","generalbots.ai/other"]}}""")!;
        var response = await server.Client.PatchAsync(Manifests.BotClusterPath(ns, "web"), patch, "application/merge-patch+json");

        response.StatusCode.Should().Be((HttpStatusCode)422);
        var stored = await server.Client.GetJsonAsync(Manifests.BotClusterPath(ns, "web"));
        stored.ResourceVersion.Should().Be(deleting.ResourceVersion);
    }

    [Fact]
    public async Task Delete_StalePrecondition_ReturnsConflict()
    {
        var ns = Manifests.UniqueNamespace();
        var created = await server.Client.CreateBotClusterAsync(ns, Manifests.BotCluster("web"));
        var otherRevision = (long.Parse(created["metadata"]!["resourceVersion"]!.GetValue<string>()) + 1).ToString();
        var options = new JsonObject { ["preconditions"] = new JsonObject { ["resourceVersion"] = otherRevision } };

        var response = await server.Client.DeleteObjectAsync(Manifests.BotClusterPath(ns, "web"), options);

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        response.Message.Should().Contain("Precondition failed");
        (await server.Client.GetJsonAsync(Manifests.BotClusterPath(ns, "web"))).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Delete_MatchingPreconditions_Deletes()
    {
        var ns = Manifests.UniqueNamespace();
        var created = await server.Client.CreateBotClusterAsync(ns, Manifests.BotCluster("web"));
        var options = new JsonObject
        {
            ["preconditions"] = new JsonObject
            {
                ["resourceVersion"] = created["metadata"]!["resourceVersion"]!.GetValue<string>(),
                ["uid"] = created["metadata"]!["uid"]!.GetValue<string>(),
            },
        };

        var response = await server.Client.DeleteObjectAsync(Manifests.BotClusterPath(ns, "web"), options);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await server.Client.GetJsonAsync(Manifests.BotClusterPath(ns, "web"))).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Delete_MalformedOptions_ReturnsBadRequest()
    {
        var ns = Manifests.UniqueNamespace();
        await server.Client.CreateBotClusterAsync(ns, Manifests.BotCluster("web"));
        var options = new JsonObject { ["preconditions"] = new JsonObject { ["resourceVersion"] = 5 } };

        var response = await server.Client.DeleteObjectAsync(Manifests.BotClusterPath(ns, "web"), options);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await server.Client.GetJsonAsync(Manifests.BotClusterPath(ns, "web"))).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Delete_DryRun_KeepsObject()
    {
        var ns = Manifests.UniqueNamespace();
        await server.Client.CreateBotClusterAsync(ns, Manifests.BotCluster("web"));

        var response = await server.Client.DeleteObjectAsync(Manifests.BotClusterPath(ns, "web") + "?dryRun=All");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await server.Client.GetJsonAsync(Manifests.BotClusterPath(ns, "web"))).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task DeleteCollection_LabelSelector_DeletesMatchesOnly()
    {
        var ns = Manifests.UniqueNamespace();
        await server.Client.CreateBotClusterAsync(ns, Manifests.BotCluster("a", labels: new Dictionary<string, string> { ["tier"] = "web" }));
        await server.Client.CreateBotClusterAsync(ns, Manifests.BotCluster("b"));

        var response = await server.Client.DeleteObjectAsync(Manifests.BotClusters(ns) + "?labelSelector=tier%3Dweb");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await server.Client.GetJsonAsync(Manifests.BotClusterPath(ns, "a"))).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await server.Client.GetJsonAsync(Manifests.BotClusterPath(ns, "b"))).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
