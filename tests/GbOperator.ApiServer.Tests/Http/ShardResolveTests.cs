using System.Net;
using System.Text.Json.Nodes;
using GbOperator.ApiServer.Tests.Infrastructure;

namespace GbOperator.ApiServer.Tests.Http;

public abstract class ShardResolveTests<TServer>(TServer server) : IClassFixture<TServer>
    where TServer : ApiServerFixture
{
    [Fact]
    public async Task Resolve_HashKey_ReturnsShardAndEndpoint()
    {
        var ns = await CreateAsync("""{"strategy":"hash","hash":{"shardCount":4,"algorithm":"modulo"}}""");

        var response = await server.Client.GetJsonAsync(ResolvePath(ns, "?key=12345"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Json["kind"]!.GetValue<string>().Should().Be("ShardResolution");
        response.Json["shard"]!.GetValue<string>().Should().Be("shard2");
        response.Json["endpoint"]!.GetValue<string>().Should().Be("127.0.0.1:5402");
    }

    [Fact]
    public async Task Resolve_GeoRegion_UsesRegionThenDefault()
    {
        var ns = await CreateAsync("""{"strategy":"geo","geo":{"regions":{"eu":"shard3"},"defaultShard":"shard1"}}""");

        var eu = await server.Client.GetJsonAsync(ResolvePath(ns, "?key=u1&region=eu"));
        var other = await server.Client.GetJsonAsync(ResolvePath(ns, "?key=u1&region=asia"));

        eu.Json["shard"]!.GetValue<string>().Should().Be("shard3");
        eu.Json["region"]!.GetValue<string>().Should().Be("eu");
        other.Json["shard"]!.GetValue<string>().Should().Be("shard1");
    }

    [Fact]
    public async Task Resolve_Tenant_ReturnsDatabase()
    {
        var ns = await CreateAsync("""{"strategy":"tenant","tenants":[{"name":"acme","shard":"shard4"}]}""");

        var response = await server.Client.GetJsonAsync(ResolvePath(ns, "?key=acme"));

        response.Json["shard"]!.GetValue<string>().Should().Be("shard4");
        response.Json["database"]!.GetValue<string>().Should().Be("gb_tenant_acme");
    }

    [Fact]
    public async Task Resolve_MissingKey_ReturnsBadRequest()
    {
        var ns = await CreateAsync("""{"strategy":"hash","hash":{"shardCount":4}}""");

        var response = await server.Client.GetJsonAsync(ResolvePath(ns, ""));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Json["kind"]!.GetValue<string>().Should().Be("Status");
        response.Json["message"]!.GetValue<string>().Should().Contain("missing query parameter \"key\"");
    }

    [Fact]
    public async Task Resolve_UnknownMap_ReturnsNotFound()
    {
        var ns = Manifests.UniqueNamespace();

        var response = await server.Client.GetJsonAsync($"{ShardMaps(ns)}/absent/resolve?key=1");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        response.Json["reason"]!.GetValue<string>().Should().Be("NotFound");
        response.Json["message"]!.GetValue<string>().Should().Contain("\"absent\" not found");
    }

    [Fact]
    public async Task Resolve_BadRegion_ReturnsBadRequest()
    {
        var ns = await CreateAsync("""{"strategy":"geo","geo":{"regions":{"eu":"shard3"},"defaultShard":"shard1"}}""");

        var response = await server.Client.GetJsonAsync(ResolvePath(ns, "?key=u1&region=EU%20West"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Json["message"]!.GetValue<string>().Should().Contain("invalid region \"EU West\"");
    }

    [Fact]
    public async Task Resolve_KeyOutsideRanges_ReturnsNotFound()
    {
        var ns = await CreateAsync("""{"strategy":"range","range":{"compact":"0-9:shard1,10-19:shard2"}}""");

        var response = await server.Client.GetJsonAsync(ResolvePath(ns, "?key=20"));

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        response.Json["message"]!.GetValue<string>().Should().Contain("no range contains key 20");
    }

    [Fact]
    public async Task Resolve_OnBotCluster_ReturnsNotFound()
    {
        var ns = Manifests.UniqueNamespace();
        await server.Client.CreateBotClusterAsync(ns, Manifests.BotCluster("web"));

        var response = await server.Client.GetJsonAsync(Manifests.BotClusterPath(ns, "web") + "/resolve?key=1");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    private static string ShardMaps(string ns) => $"/apis/generalbots.ai/v1alpha1/namespaces/{ns}/shardmaps";

    private static string ResolvePath(string ns, string query) => $"{ShardMaps(ns)}/main/resolve{query}";

    /// <summary>Creates ShardMap <c>main</c> with four shards and the given spec fields in a new namespace.</summary>
    private async Task<string> CreateAsync(string specFields)
    {
        var ns = Manifests.UniqueNamespace();
        var spec = JsonNode.Parse(specFields)!.AsObject();
        spec["shards"] = new JsonArray(Enumerable.Range(1, 4).Select(i => (JsonNode)new JsonObject
        {
            ["name"] = $"shard{i}",
            ["endpoint"] = $"127.0.0.1:{5400 + i}",
        }).ToArray());
        var body = new JsonObject
        {
            ["apiVersion"] = "generalbots.ai/v1alpha1",
            ["kind"] = "ShardMap",
            ["metadata"] = new JsonObject { ["name"] = "main" },
            ["spec"] = spec,
        };
        var response = await server.Client.PostJsonAsync(ShardMaps(ns), body);
        response.StatusCode.Should().Be(HttpStatusCode.Created, response.Json.ToJsonString());
        return ns;
    }
}
