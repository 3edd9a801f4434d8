using System.Net;
using System.Text.Json.Nodes;
using GbOperator.ApiServer.Tests.Infrastructure;

namespace GbOperator.ApiServer.Tests.Http;

public sealed class DiscoveryTests(SqliteApiServerFixture server) : IClassFixture<SqliteApiServerFixture>
{
    [Fact]
    public async Task Version_Get_ReturnsStringFields()
    {
        var response = await server.Client.GetJsonAsync("/version");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Json["major"]!.GetValue<string>().Should().Be("1");
        response.Json["minor"]!.GetValue<string>().Should().Be("20");
        response.Json["gitVersion"]!.GetValue<string>().Should().StartWith("v1.20.0");
    }

    [Fact]
    public async Task Api_Get_ReturnsV1()
    {
        var response = await server.Client.GetJsonAsync("/api");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Json["kind"]!.GetValue<string>().Should().Be("APIVersions");
        response.Json["versions"]!.AsArray().Select(version => version!.GetValue<string>()).Should().Equal("v1");
    }

    [Fact]
    public async Task CoreV1_Get_ListsEventsWithEveryVerb()
    {
        var response = await server.Client.GetJsonAsync("/api/v1");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Json["groupVersion"]!.GetValue<string>().Should().Be("v1");
        var events = response.Json["resources"]!.AsArray().Single()!;
        events["name"]!.GetValue<string>().Should().Be("events");
        events["kind"]!.GetValue<string>().Should().Be("Event");
        events["namespaced"]!.GetValue<bool>().Should().BeTrue();
        events["shortNames"]!.AsArray().Select(name => name!.GetValue<string>()).Should().Equal("ev");
        events["verbs"]!.AsArray().Select(verb => verb!.GetValue<string>())
            .Should().BeEquivalentTo(["create", "get", "list", "watch", "patch", "update", "delete", "deletecollection"]);
    }

    [Fact]
    public async Task Namespace_Get_StillReturnsImplicitNamespace()
    {
        var response = await server.Client.GetJsonAsync("/api/v1/namespaces/anything");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Json["kind"]!.GetValue<string>().Should().Be("Namespace");
    }

    [Fact]
    public async Task Apis_Get_ListsTheGroupWithPreferredVersion()
    {
        var response = await server.Client.GetJsonAsync("/apis");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.ContentType.Should().Be("application/json");
        var group = response.Json["groups"]!.AsArray().Single()!;
        group["name"]!.GetValue<string>().Should().Be(Manifests.Group);
        group["preferredVersion"]!["groupVersion"]!.GetValue<string>().Should().Be(Manifests.ApiVersion);
    }

    [Fact]
    public async Task Group_Get_ReturnsApiGroup()
    {
        var response = await server.Client.GetJsonAsync("/apis/" + Manifests.Group);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Json["kind"]!.GetValue<string>().Should().Be("APIGroup");
    }

    [Fact]
    public async Task GroupVersion_Get_DescribesKindsAndSubresources()
    {
        var response = await server.Client.GetJsonAsync("/apis/" + Manifests.ApiVersion);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var resources = response.Json["resources"]!.AsArray().Select(item => item!.AsObject()).ToList();
        var names = resources.Select(item => item["name"]!.GetValue<string>()).ToList();
        names.Should().Contain(["botclusters", "botclusters/status", "botclusters/scale", "shardmaps", "shardmaps/status", "failoverpolicies"]);
        names.Should().NotContain("shardmaps/scale");
        var botClusters = resources.Single(item => item["name"]!.GetValue<string>() == "botclusters");
        botClusters["kind"]!.GetValue<string>().Should().Be("BotCluster");
        botClusters["namespaced"]!.GetValue<bool>().Should().BeTrue();
        botClusters["shortNames"]!.AsArray().Select(item => item!.GetValue<string>()).Should().Equal("bc");
        botClusters["verbs"]!.AsArray().Select(item => item!.GetValue<string>())
            .Should().BeEquivalentTo(["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"]);
        var scale = resources.Single(item => item["name"]!.GetValue<string>() == "botclusters/scale");
        scale["group"]!.GetValue<string>().Should().Be("autoscaling");
        scale["kind"]!.GetValue<string>().Should().Be("Scale");
        var resolve = resources.Single(item => item["name"]!.GetValue<string>() == "shardmaps/resolve");
        resolve["kind"]!.GetValue<string>().Should().Be("ShardResolution");
        resolve["verbs"]!.AsArray().Select(item => item!.GetValue<string>()).Should().Equal("get");
        names.Should().NotContain("botclusters/resolve");
    }

    [Theory]
    [InlineData("/healthz")]
    [InlineData("/livez")]
    [InlineData("/readyz")]
    public async Task HealthEndpoint_Get_ReturnsOk(string path)
    {
        var response = await server.Client.GetJsonAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Text.Should().Be("ok");
    }

    [Fact]
    public async Task UnknownPath_Get_ReturnsNotFoundStatus()
    {
        var response = await server.Client.GetJsonAsync("/apis/other.example/v1/things");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        response.Json["kind"]!.GetValue<string>().Should().Be("Status");
        response.Reason.Should().Be("NotFound");
    }
}
