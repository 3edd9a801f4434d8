using System.Net;
using GbOperator.ApiServer.Tests.Infrastructure;

namespace GbOperator.ApiServer.Tests.Http;

public sealed class OpenApiTests(SqliteApiServerFixture server) : IClassFixture<SqliteApiServerFixture>
{
    [Fact]
    public async Task OpenApiJson_PatchOperation_HasKindAndDryRun()
    {
        var response = await server.Client.GetJsonAsync("/openapi/v2");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var patch = response.Json["paths"]!["/apis/generalbots.ai/v1alpha1/namespaces/{namespace}/botclusters/{name}"]!["patch"]!;
        patch["x-kubernetes-group-version-kind"]!["kind"]!.GetValue<string>().Should().Be("BotCluster");
        patch["parameters"]!.AsArray().Select(parameter => parameter!["name"]!.GetValue<string>()).Should().Contain("dryRun");
    }

    [Fact]
    public async Task OpenApiProtobuf_ReturnsOctetStreamDocument()
    {
        var response = await server.Client.GetAsync("/openapi/v2", "application/com.github.proto-openapi.spec.v2@v1.0+protobuf");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.ContentType.Should().Be("application/octet-stream");
        response.Text.Should().Contain("x-kubernetes-group-version-kind").And.Contain("kind: BotCluster");
    }
}
