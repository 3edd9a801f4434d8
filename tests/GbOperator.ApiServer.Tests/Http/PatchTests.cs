using System.Net;
using System.Text.Json.Nodes;
using GbOperator.ApiServer.Tests.Infrastructure;

namespace GbOperator.ApiServer.Tests.Http;

public abstract class PatchTests<TServer>(TServer server) : IClassFixture<TServer>
    where TServer : ApiServerFixture
{
    [Fact]
    public async Task MergePatch_Spec_UpdatesFieldAndGeneration()
    {
        var ns = Manifests.UniqueNamespace();
        await server.Client.CreateBotClusterAsync(ns, Manifests.BotCluster("web", replicas: 1));
        var patch = new JsonObject { ["spec"] = new JsonObject { ["replicas"] = 3 } };

        var response = await server.Client.PatchAsync(Manifests.BotClusterPath(ns, "web"), patch, "application/merge-patch+json; charset=utf-8");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Json["spec"]!["replicas"]!.GetValue<int>().Should().Be(3);
        response.Json["spec"]!["image"]!.GetValue<string>().Should().Be("botserver-standin");
        response.Json["metadata"]!["generation"]!.GetValue<long>().Should().Be(2);
    }

    [Fact]
    public async Task MergePatch_NullValue_RemovesLabel()
    {
        var ns = Manifests.UniqueNamespace();
        await server.Client.CreateBotClusterAsync(ns, Manifests.BotCluster("web", labels: new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" }));
        var patch = JsonNode.Parse("""{"metadata":{"labels":{"a":null}}}""")!;

        var response = await server.Client.PatchAsync(Manifests.BotClusterPath(ns, "web"), patch, "application/merge-patch+json");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Json["metadata"]!["labels"]!.AsObject().Select(pair => pair.Key).Should().Equal("b");
    }

    [Fact]
    public async Task MergePatch_StaleResourceVersion_ReturnsConflict()
    {
        var ns = Manifests.UniqueNamespace();
        var created = await server.Client.CreateBotClusterAsync(ns, Manifests.BotCluster("web"));
        await server.Client.PatchAsync(Manifests.BotClusterPath(ns, "web"), JsonNode.Parse("""{"spec":{"replicas":2}}""")!, "application/merge-patch+json");
        var patch = new JsonObject
        {
            ["metadata"] = new JsonObject { ["resourceVersion"] = created["metadata"]!["resourceVersion"]!.GetValue<string>() },
            ["spec"] = new JsonObject { ["replicas"] = 5 },
        };

        var response = await server.Client.PatchAsync(Manifests.BotClusterPath(ns, "web"), patch, "application/merge-patch+json");

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        var stored = await server.Client.GetJsonAsync(Manifests.BotClusterPath(ns, "web"));
        stored.Json["spec"]!["replicas"]!.GetValue<int>().Should().Be(2);
    }

    [Fact]
    public async Task JsonPatch_ReplaceAndAdd_AppliesOperations()
    {
        var ns = Manifests.UniqueNamespace();
        await server.Client.CreateBotClusterAsync(ns, Manifests.BotCluster("web", replicas: 1));
        var patch = JsonNode.Parse("""
            [
              {"op":"test","path":"/spec/replicas","value":1},
              {"op":"replace","path":"/spec/replicas","value":4},
              {"op":"add","path":"/metadata/labels","value":{"app.kubernetes.io/name":"x"}},
              {"op":"add","path":"/metadata/annotations","value":{"note":"patched"}}
            ]
            """)!;

        var response = await server.Client.PatchAsync(Manifests.BotClusterPath(ns, "web"), patch, "application/json-patch+json");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Json["spec"]!["replicas"]!.GetValue<int>().Should().Be(4);
        response.Json["metadata"]!["labels"]!["app.kubernetes.io/name"]!.GetValue<string>().Should().Be("x");
        response.Json["metadata"]!["annotations"]!["note"]!.GetValue<string>().Should().Be("patched");
    }

    [Fact]
    public async Task JsonPatch_FailedTest_ReturnsInvalid()
    {
        var ns = Manifests.UniqueNamespace();
        var created = await server.Client.CreateBotClusterAsync(ns, Manifests.BotCluster("web", replicas: 1));
        var patch = JsonNode.Parse("""[{"op":"test","path":"/spec/replicas","value":2},{"op":"replace","path":"/spec/replicas","value":4}]""")!;

        var response = await server.Client.PatchAsync(Manifests.BotClusterPath(ns, "web"), patch, "application/json-patch+json");

        response.StatusCode.Should().Be((HttpStatusCode)422);
        var stored = await server.Client.GetJsonAsync(Manifests.BotClusterPath(ns, "web"));
        stored.ResourceVersion.Should().Be(created["metadata"]!["resourceVersion"]!.GetValue<string>());
    }

    [Fact]
    public async Task JsonPatch_RemoveMissingPath_ReturnsInvalid()
    {
        var ns = Manifests.UniqueNamespace();
        await server.Client.CreateBotClusterAsync(ns, Manifests.BotCluster("web"));
        var patch = JsonNode.Parse("""[{"op":"remove","path":"/metadata/labels/none"}]""")!;

        var response = await server.Client.PatchAsync(Manifests.BotClusterPath(ns, "web"), patch, "application/json-patch+json");

        response.StatusCode.Should().Be((HttpStatusCode)422);
    }

    [Theory]
    [InlineData("application/strategic-merge-patch+json")]
    [InlineData("text/plain")]
    public async Task Patch_UnsupportedType_ReturnsUnsupportedMediaType(string contentType)
    {
        var ns = Manifests.UniqueNamespace();
        var created = await server.Client.CreateBotClusterAsync(ns, Manifests.BotCluster("web", replicas: 1));

        var response = await server.Client.PatchAsync(Manifests.BotClusterPath(ns, "web"), JsonNode.Parse("""{"spec":{"replicas":3}}""")!, contentType);

        response.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        response.Reason.Should().Be("UnsupportedMediaType");
        var stored = await server.Client.GetJsonAsync(Manifests.BotClusterPath(ns, "web"));
        stored.ResourceVersion.Should().Be(created["metadata"]!["resourceVersion"]!.GetValue<string>());
    }

    [Fact]
    public async Task Patch_Missing_ReturnsNotFound()
    {
        var response = await server.Client.PatchAsync(Manifests.BotClusterPath(Manifests.UniqueNamespace(), "ghost"), JsonNode.Parse("{}")!, "application/merge-patch+json");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task PatchStatus_ChangesOnlyStatus()
    {
        var ns = Manifests.UniqueNamespace();
        await server.Client.CreateBotClusterAsync(ns, Manifests.BotCluster("web", replicas: 1));
        var patch = JsonNode.Parse("""{"spec":{"replicas":8},"status":{"replicas":1,"readyReplicas":1}}""")!;

        var response = await server.Client.PatchAsync(Manifests.BotClusterPath(ns, "web") + "/status", patch, "application/merge-patch+json");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Json["status"]!["readyReplicas"]!.GetValue<int>().Should().Be(1);
        response.Json["spec"]!["replicas"]!.GetValue<int>().Should().Be(1);
        response.Json["metadata"]!["generation"]!.GetValue<long>().Should().Be(1);
    }

    [Fact]
    public async Task MergePatch_DryRun_StoresNothing()
    {
        var ns = Manifests.UniqueNamespace();
        var created = await server.Client.CreateBotClusterAsync(ns, Manifests.BotCluster("web", replicas: 1));

        var response = await server.Client.PatchAsync(Manifests.BotClusterPath(ns, "web") + "?dryRun=All", JsonNode.Parse("""{"spec":{"replicas":6}}""")!, "application/merge-patch+json");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Json["spec"]!["replicas"]!.GetValue<int>().Should().Be(6);
        var stored = await server.Client.GetJsonAsync(Manifests.BotClusterPath(ns, "web"));
        stored.ResourceVersion.Should().Be(created["metadata"]!["resourceVersion"]!.GetValue<string>());
    }
}
