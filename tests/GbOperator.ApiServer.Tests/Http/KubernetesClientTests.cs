using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using GbOperator.ApiServer.Tests.Infrastructure;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace GbOperator.ApiServer.Tests.Http;

/// <summary>The C# KubernetesClient's CustomObjects API against the server.</summary>
public sealed class KubernetesClientTests(SqliteApiServerFixture server) : IClassFixture<SqliteApiServerFixture>
{
    [Fact]
    public async Task CustomObjects_CrudCalls_RoundTrip()
    {
        using var client = new Kubernetes(new KubernetesClientConfiguration { Host = server.Host.BaseAddress.ToString() });
        var ns = Manifests.UniqueNamespace();
        var body = JsonSerializer.Deserialize<JsonElement>(Manifests.BotCluster("web", replicas: 2).ToJsonString());

        var created = await client.CustomObjects.CreateNamespacedCustomObjectAsync<JsonElement>(body, Manifests.Group, Manifests.Version, ns, "botclusters");
        var list = await client.CustomObjects.ListNamespacedCustomObjectAsync<JsonElement>(Manifests.Group, Manifests.Version, ns, "botclusters");
        var fetched = await client.CustomObjects.GetNamespacedCustomObjectAsync<JsonElement>(Manifests.Group, Manifests.Version, ns, "botclusters", "web");
        var patch = new V1Patch("""{"spec":{"replicas":3}}""", V1Patch.PatchType.MergePatch);
        var patched = await client.CustomObjects.PatchNamespacedCustomObjectAsync<JsonElement>(patch, Manifests.Group, Manifests.Version, ns, "botclusters", "web");
        await client.CustomObjects.DeleteNamespacedCustomObjectAsync<JsonElement>(Manifests.Group, Manifests.Version, ns, "botclusters", "web", new V1DeleteOptions { PropagationPolicy = "Background" });
        var missing = await Assert.ThrowsAsync<HttpOperationException>(() =>
            client.CustomObjects.GetNamespacedCustomObjectAsync<JsonElement>(Manifests.Group, Manifests.Version, ns, "botclusters", "web"));

        created.GetProperty("metadata").GetProperty("generation").GetInt64().Should().Be(1);
        list.GetProperty("items").GetArrayLength().Should().Be(1);
        fetched.GetProperty("spec").GetProperty("replicas").GetInt32().Should().Be(2);
        patched.GetProperty("spec").GetProperty("replicas").GetInt32().Should().Be(3);
        missing.Response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        missing.Response.Content.Should().Contain("\"reason\":\"NotFound\"");
    }

    [Fact]
    public async Task CustomObjects_Watch_StreamsAddedAndModified()
    {
        using var client = new Kubernetes(new KubernetesClientConfiguration { Host = server.Host.BaseAddress.ToString() });
        var ns = Manifests.UniqueNamespace();
        await server.Client.CreateBotClusterAsync(ns, Manifests.BotCluster("web", replicas: 1));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var events = new List<(WatchEventType Type, int Replicas)>();

        var stream = client.CustomObjects.WatchListNamespacedCustomObjectAsync(
            Manifests.Group, Manifests.Version, ns, "botclusters", cancellationToken: timeout.Token);
        await foreach (var (type, item) in stream)
        {
            var json = (JsonElement)item;
            events.Add((type, json.GetProperty("spec").GetProperty("replicas").GetInt32()));
            if (events.Count == 1)
            {
                await server.Client.PatchAsync(Manifests.BotClusterPath(ns, "web"), JsonNode.Parse("""{"spec":{"replicas":2}}""")!, "application/merge-patch+json");
            }
            else
            {
                break;
            }
        }

        events.Should().Equal((WatchEventType.Added, 1), (WatchEventType.Modified, 2));
    }
}
