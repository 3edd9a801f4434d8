using System.Net;
using System.Text.Json.Nodes;
using GbOperator.ApiServer.Tests.Infrastructure;

namespace GbOperator.ApiServer.Tests.Http;

public abstract class ListTests<TServer>(TServer server) : IClassFixture<TServer>
    where TServer : ApiServerFixture
{
    [Fact]
    public async Task List_Namespace_ReturnsItemsInNameOrder()
    {
        var ns = Manifests.UniqueNamespace();
        foreach (var name in new[] { "c", "a", "b" })
        {
            await server.Client.CreateBotClusterAsync(ns, Manifests.BotCluster(name));
        }

        var response = await server.Client.GetJsonAsync(Manifests.BotClusters(ns));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Json["kind"]!.GetValue<string>().Should().Be("BotClusterList");
        response.Json["apiVersion"]!.GetValue<string>().Should().Be(Manifests.ApiVersion);
        Names(response.Json).Should().Equal("a", "b", "c");
        response.Json["items"]!.AsArray().Should().OnlyContain(item => item!["kind"]!.GetValue<string>() == "BotCluster");
    }

    [Fact]
    public async Task List_Empty_ReturnsEmptyItemsArray()
    {
        var response = await server.Client.GetJsonAsync(Manifests.BotClusters(Manifests.UniqueNamespace()));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Json["items"].Should().BeOfType<JsonArray>().Which.Should().BeEmpty();
    }

    [Fact]
    public async Task List_ResourceVersion_IsCurrentStoreRevision()
    {
        var ns = Manifests.UniqueNamespace();
        await server.Client.CreateBotClusterAsync(ns, Manifests.BotCluster("a"));
        await server.Client.CreateBotClusterAsync(Manifests.UniqueNamespace(), Manifests.BotCluster("other"));
        var revision = await server.Store.GetCurrentRevisionAsync(CancellationToken.None);

        var response = await server.Client.GetJsonAsync(Manifests.BotClusters(ns));

        long.Parse(response.ResourceVersion!).Should().BeGreaterThanOrEqualTo(revision);
    }

    [Fact]
    public async Task List_AllNamespaces_IncludesEveryNamespace()
    {
        var first = Manifests.UniqueNamespace();
        var second = Manifests.UniqueNamespace();
        await server.Client.CreateBotClusterAsync(first, Manifests.BotCluster("one"));
        await server.Client.CreateBotClusterAsync(second, Manifests.BotCluster("two"));

        var response = await server.Client.GetJsonAsync($"/apis/{Manifests.ApiVersion}/botclusters");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var keys = response.Json["items"]!.AsArray()
            .Select(item => $"{item!["metadata"]!["namespace"]}/{item["metadata"]!["name"]}")
            .ToList();
        keys.Should().Contain([$"{first}/one", $"{second}/two"]);
    }

    [Theory]
    [InlineData("tier=web", new[] { "web-canary", "web-stable" })]
    [InlineData("tier==web", new[] { "web-canary", "web-stable" })]
    [InlineData("tier!=web", new[] { "api", "plain" })]
    [InlineData("tier in (web,api)", new[] { "api", "web-canary", "web-stable" })]
    [InlineData("tier notin (web)", new[] { "api", "plain" })]
    [InlineData("canary", new[] { "web-canary" })]
    [InlineData("!canary", new[] { "api", "plain", "web-stable" })]
    [InlineData("tier=web,!canary", new[] { "web-stable" })]
    public async Task List_LabelSelector_ReturnsMatchingItems(string selector, string[] expected)
    {
        var ns = await CreateLabelledAsync();

        var response = await server.Client.GetJsonAsync(Manifests.BotClusters(ns) + "?labelSelector=" + Uri.EscapeDataString(selector));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        Names(response.Json).Should().Equal(expected);
    }

    [Fact]
    public async Task List_InvalidLabelSelector_ReturnsBadRequest()
    {
        var response = await server.Client.GetJsonAsync(Manifests.BotClusters("default") + "?labelSelector=" + Uri.EscapeDataString("tier in (web"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Reason.Should().Be("BadRequest");
    }

    [Theory]
    [InlineData("metadata.name=api", new[] { "api" })]
    [InlineData("metadata.name==api", new[] { "api" })]
    [InlineData("metadata.name!=api", new[] { "plain", "web-canary", "web-stable" })]
    public async Task List_FieldSelectorOnName_ReturnsMatchingItems(string selector, string[] expected)
    {
        var ns = await CreateLabelledAsync();

        var response = await server.Client.GetJsonAsync(Manifests.BotClusters(ns) + "?fieldSelector=" + Uri.EscapeDataString(selector));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        Names(response.Json).Should().Equal(expected);
    }

    [Fact]
    public async Task List_NamespaceSelector_FiltersAllNamespaces()
    {
        var ns = await CreateLabelledAsync();

        var response = await server.Client.GetJsonAsync($"/apis/{Manifests.ApiVersion}/botclusters?fieldSelector=metadata.namespace%3D{ns}");

        Names(response.Json).Should().Equal("api", "plain", "web-canary", "web-stable");
    }

    [Fact]
    public async Task List_UnsupportedFieldLabel_ReturnsBadRequest()
    {
        var response = await server.Client.GetJsonAsync(Manifests.BotClusters("default") + "?fieldSelector=spec.image%3Dx");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Message.Should().Be("field label not supported: spec.image");
    }

    [Fact]
    public async Task List_LimitAndContinue_PagesAtOneRevision()
    {
        var ns = Manifests.UniqueNamespace();
        foreach (var name in new[] { "a", "b", "c", "d", "e" })
        {
            await server.Client.CreateBotClusterAsync(ns, Manifests.BotCluster(name));
        }

        var first = await server.Client.GetJsonAsync(Manifests.BotClusters(ns) + "?limit=2");
        await server.Client.CreateBotClusterAsync(ns, Manifests.BotCluster("bb"));
        var token = first.Json["metadata"]!["continue"]!.GetValue<string>();
        var second = await server.Client.GetJsonAsync(Manifests.BotClusters(ns) + "?limit=2&continue=" + Uri.EscapeDataString(token));
        var thirdToken = second.Json["metadata"]!["continue"]!.GetValue<string>();
        var third = await server.Client.GetJsonAsync(Manifests.BotClusters(ns) + "?limit=2&continue=" + Uri.EscapeDataString(thirdToken));

        Names(first.Json).Should().Equal("a", "b");
        Names(second.Json).Should().Equal("c", "d");
        Names(third.Json).Should().Equal("e");
        third.Json["metadata"]!["continue"].Should().BeNull();
        second.ResourceVersion.Should().Be(first.ResourceVersion);
        third.ResourceVersion.Should().Be(first.ResourceVersion);
    }

    [Fact]
    public async Task List_LimitWithSelector_FillsPagesWithMatches()
    {
        var ns = await CreateLabelledAsync();

        var first = await server.Client.GetJsonAsync(Manifests.BotClusters(ns) + "?limit=1&labelSelector=tier%3Dweb");
        var token = first.Json["metadata"]!["continue"]!.GetValue<string>();
        var second = await server.Client.GetJsonAsync(Manifests.BotClusters(ns) + "?limit=1&labelSelector=tier%3Dweb&continue=" + Uri.EscapeDataString(token));

        Names(first.Json).Should().Equal("web-canary");
        Names(second.Json).Should().Equal("web-stable");
    }

    [Fact]
    public async Task List_MalformedContinue_ReturnsBadRequest()
    {
        var response = await server.Client.GetJsonAsync(Manifests.BotClusters("default") + "?continue=not-a-token");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task List_ContinueAfterCompaction_ReturnsExpired()
    {
        var ns = Manifests.UniqueNamespace();
        foreach (var name in new[] { "a", "b", "c" })
        {
            await server.Client.CreateBotClusterAsync(ns, Manifests.BotCluster(name));
        }

        var first = await server.Client.GetJsonAsync(Manifests.BotClusters(ns) + "?limit=1");
        await server.Client.CreateBotClusterAsync(Manifests.UniqueNamespace(), Manifests.BotCluster("later"));
        await server.Store.CompactAsync(await server.Store.GetCurrentRevisionAsync(CancellationToken.None), CancellationToken.None);
        var token = first.Json["metadata"]!["continue"]!.GetValue<string>();

        var response = await server.Client.GetJsonAsync(Manifests.BotClusters(ns) + "?limit=1&continue=" + Uri.EscapeDataString(token));

        response.StatusCode.Should().Be(HttpStatusCode.Gone);
        response.Reason.Should().Be("Expired");
    }

    [Fact]
    public async Task List_ExactResourceVersion_ReadsThatSnapshot()
    {
        var ns = Manifests.UniqueNamespace();
        var first = await server.Client.CreateBotClusterAsync(ns, Manifests.BotCluster("first"));
        await server.Client.CreateBotClusterAsync(ns, Manifests.BotCluster("second"));
        var revision = first["metadata"]!["resourceVersion"]!.GetValue<string>();

        var response = await server.Client.GetJsonAsync($"{Manifests.BotClusters(ns)}?resourceVersion={revision}&resourceVersionMatch=Exact");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        Names(response.Json).Should().Equal("first");
        response.ResourceVersion.Should().Be(revision);
    }

    [Fact]
    public async Task List_ExactCompactedResourceVersion_ReturnsExpired()
    {
        var ns = Manifests.UniqueNamespace();
        var first = await server.Client.CreateBotClusterAsync(ns, Manifests.BotCluster("first"));
        await server.Client.CreateBotClusterAsync(ns, Manifests.BotCluster("second"));
        await server.Store.CompactAsync(await server.Store.GetCurrentRevisionAsync(CancellationToken.None), CancellationToken.None);
        var revision = first["metadata"]!["resourceVersion"]!.GetValue<string>();

        var response = await server.Client.GetJsonAsync($"{Manifests.BotClusters(ns)}?resourceVersion={revision}&resourceVersionMatch=Exact");

        response.StatusCode.Should().Be(HttpStatusCode.Gone);
        response.Reason.Should().Be("Expired");
    }

    [Fact]
    public async Task List_UnknownPlural_ReturnsNotFound()
    {
        var response = await server.Client.GetJsonAsync($"/apis/{Manifests.ApiVersion}/namespaces/default/widgets");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        response.Reason.Should().Be("NotFound");
    }

    private async Task<string> CreateLabelledAsync()
    {
        var ns = Manifests.UniqueNamespace();
        await server.Client.CreateBotClusterAsync(ns, Manifests.BotCluster("web-stable", labels: new Dictionary<string, string> { ["tier"] = "web" }));
        await server.Client.CreateBotClusterAsync(ns, Manifests.BotCluster("web-canary", labels: new Dictionary<string, string> { ["tier"] = "web", ["canary"] = "true" }));
        await server.Client.CreateBotClusterAsync(ns, Manifests.BotCluster("api", labels: new Dictionary<string, string> { ["tier"] = "api" }));
        await server.Client.CreateBotClusterAsync(ns, Manifests.BotCluster("plain"));
        return ns;
    }

    private static List<string> Names(JsonObject list) =>
        list["items"]!.AsArray().Select(item => item!["metadata"]!["name"]!.GetValue<string>()).ToList();
}
