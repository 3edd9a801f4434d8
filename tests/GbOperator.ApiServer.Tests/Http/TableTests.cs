using System.Net;
using GbOperator.ApiServer.Tests.Infrastructure;

namespace GbOperator.ApiServer.Tests.Http;

public sealed class TableTests(SqliteApiServerFixture server) : IClassFixture<SqliteApiServerFixture>
{
    /// <summary>The Accept header kubectl 1.20 sends for human output.</summary>
    public const string TableAccept = "application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json";

    [Fact]
    public async Task List_TableAccept_ReturnsPrinterColumns()
    {
        var ns = Manifests.UniqueNamespace();
        await server.Client.CreateBotClusterAsync(ns, Manifests.BotCluster("web", replicas: 3));

        var response = await server.Client.GetAsync(Manifests.BotClusters(ns) + "?limit=500", TableAccept);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Json["kind"]!.GetValue<string>().Should().Be("Table");
        response.Json["apiVersion"]!.GetValue<string>().Should().Be("meta.k8s.io/v1");
        var columns = response.Json["columnDefinitions"]!.AsArray().Select(column => column!["name"]!.GetValue<string>()).ToList();
        columns.Should().Equal("Name", "Replicas", "Ready", "Image", "Status", "Host", "Age");
        var cells = response.Json["rows"]![0]!["cells"]!.AsArray();
        cells[0]!.GetValue<string>().Should().Be("web");
        cells[1]!.GetValue<long>().Should().Be(3);
        cells[3]!.GetValue<string>().Should().Be("botserver-standin");
        cells[6]!.GetValue<string>().Should().MatchRegex("^[0-9]+s$");
    }

    [Fact]
    public async Task List_TableAccept_IncludesPartialObjectMetadata()
    {
        var ns = Manifests.UniqueNamespace();
        await server.Client.CreateBotClusterAsync(ns, Manifests.BotCluster("web"));

        var response = await server.Client.GetAsync(Manifests.BotClusters(ns), TableAccept);

        var rowObject = response.Json["rows"]![0]!["object"]!;
        rowObject["kind"]!.GetValue<string>().Should().Be("PartialObjectMetadata");
        rowObject["metadata"]!["namespace"]!.GetValue<string>().Should().Be(ns);
        response.Json["metadata"]!["resourceVersion"].Should().NotBeNull();
    }

    [Fact]
    public async Task List_IncludeObjectNone_LeavesRowObjectOut()
    {
        var ns = Manifests.UniqueNamespace();
        await server.Client.CreateBotClusterAsync(ns, Manifests.BotCluster("web"));

        var response = await server.Client.GetAsync(Manifests.BotClusters(ns) + "?includeObject=None", TableAccept);

        response.Json["rows"]![0]!["object"].Should().BeNull();
    }

    [Fact]
    public async Task Get_V1beta1TableAccept_ReturnsOneRowTable()
    {
        var ns = Manifests.UniqueNamespace();
        await server.Client.CreateBotClusterAsync(ns, Manifests.BotCluster("web"));

        var response = await server.Client.GetAsync(Manifests.BotClusterPath(ns, "web"), "application/json;as=Table;v=v1beta1;g=meta.k8s.io");

        response.Json["apiVersion"]!.GetValue<string>().Should().Be("meta.k8s.io/v1beta1");
        response.Json["rows"]!.AsArray().Should().HaveCount(1);
    }

    [Fact]
    public async Task Get_PlainJsonFirst_ReturnsObject()
    {
        var ns = Manifests.UniqueNamespace();
        await server.Client.CreateBotClusterAsync(ns, Manifests.BotCluster("web"));

        var response = await server.Client.GetAsync(Manifests.BotClusterPath(ns, "web"), "application/json, application/json;as=Table;v=v1;g=meta.k8s.io");

        response.Json["kind"]!.GetValue<string>().Should().Be("BotCluster");
    }
}
