using System.Net;
using System.Text.Json.Nodes;
using GbOperator.ApiServer.Tests.Infrastructure;

namespace GbOperator.ApiServer.Tests.Http;

public abstract class ScaleTests<TServer>(TServer server) : IClassFixture<TServer>
    where TServer : ApiServerFixture
{
    [Fact]
    public async Task GetScale_ReturnsAutoscalingScale()
    {
        var ns = Manifests.UniqueNamespace();
        await server.Client.CreateBotClusterAsync(ns, Manifests.BotCluster("web", replicas: 3));

        var response = await server.Client.GetJsonAsync(Manifests.BotClusterPath(ns, "web") + "/scale");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Json["apiVersion"]!.GetValue<string>().Should().Be("autoscaling/v1");
        response.Json["kind"]!.GetValue<string>().Should().Be("Scale");
        response.Json["spec"]!["replicas"]!.GetValue<long>().Should().Be(3);
        response.Json["status"]!["replicas"]!.GetValue<long>().Should().Be(0);
    }

    [Fact]
    public async Task PutScale_ChangesSpecReplicasAndGeneration()
    {
        var ns = Manifests.UniqueNamespace();
        await server.Client.CreateBotClusterAsync(ns, Manifests.BotCluster("web", replicas: 1));
        var scale = (await server.Client.GetJsonAsync(Manifests.BotClusterPath(ns, "web") + "/scale")).Json;
        scale["spec"]!["replicas"] = 5;

        var response = await server.Client.PutJsonAsync(Manifests.BotClusterPath(ns, "web") + "/scale", scale);
        var stored = await server.Client.GetJsonAsync(Manifests.BotClusterPath(ns, "web"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Json["spec"]!["replicas"]!.GetValue<long>().Should().Be(5);
        stored.Json["spec"]!["replicas"]!.GetValue<int>().Should().Be(5);
        stored.Json["metadata"]!["generation"]!.GetValue<long>().Should().Be(2);
    }

    [Fact]
    public async Task PatchScale_MergePatch_ChangesReplicas()
    {
        var ns = Manifests.UniqueNamespace();
        await server.Client.CreateBotClusterAsync(ns, Manifests.BotCluster("web", replicas: 1));

        var response = await server.Client.PatchAsync(Manifests.BotClusterPath(ns, "web") + "/scale", JsonNode.Parse("""{"spec":{"replicas":2}}""")!, "application/merge-patch+json");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await server.Client.GetJsonAsync(Manifests.BotClusterPath(ns, "web"))).Json["spec"]!["replicas"]!.GetValue<int>().Should().Be(2);
    }

    [Fact]
    public async Task PutScale_NegativeReplicas_ReturnsInvalid()
    {
        var ns = Manifests.UniqueNamespace();
        await server.Client.CreateBotClusterAsync(ns, Manifests.BotCluster("web", replicas: 1));
        var scale = (await server.Client.GetJsonAsync(Manifests.BotClusterPath(ns, "web") + "/scale")).Json;
        scale["spec"]!["replicas"] = -1;

        var response = await server.Client.PutJsonAsync(Manifests.BotClusterPath(ns, "web") + "/scale", scale);

        response.StatusCode.Should().Be((HttpStatusCode)422);
        (await server.Client.GetJsonAsync(Manifests.BotClusterPath(ns, "web"))).Json["spec"]!["replicas"]!.GetValue<int>().Should().Be(1);
    }

    [Fact]
    public async Task PutScale_SpecNotObject_ReturnsInvalid()
    {
        var ns = Manifests.UniqueNamespace();
        await server.Client.CreateBotClusterAsync(ns, Manifests.BotCluster("web", replicas: 1));
        var scale = (await server.Client.GetJsonAsync(Manifests.BotClusterPath(ns, "web") + "/scale")).Json;
        scale["spec"] = new JsonArray(1);

        var response = await server.Client.PutJsonAsync(Manifests.BotClusterPath(ns, "web") + "/scale", scale);

        response.StatusCode.Should().Be((HttpStatusCode)422);
    }

    [Fact]
    public async Task Scale_KindWithoutScale_ReturnsNotFound()
    {
        var response = await server.Client.GetJsonAsync($"/apis/{Manifests.ApiVersion}/namespaces/default/shardmaps/x/scale");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
