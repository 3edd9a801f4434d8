using System.Net;
using System.Text.Json;
using GbOperator.Infrastructure.Lxd;
using GbOperator.Infrastructure.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace GbOperator.Infrastructure.Tests.Lxd;

/// <summary>
/// Checks the forced-stop fallback against a stub, because the stand-in image always exits on SIGPWR and so never
/// lets a clean stop time out on the real LXD.
/// </summary>
public sealed class LxdStopTests
{
    private const string Accepted =
        """{"type":"async","status":"Operation created","status_code":100,"operation":"/1.0/operations/op1","error_code":0,"error":"","metadata":{"id":"op1","status_code":103}}""";

    private const string RunningInstance =
        """{"type":"sync","status":"Success","status_code":200,"metadata":{"name":"bot-1","status":"Running","status_code":103}}""";

    [Fact]
    public async Task StopInstance_CleanStopFails_ForcesStop()
    {
        var stateBodies = new List<JsonElement>();
        var handler = new StubHttpHandler(request =>
        {
            if (request.Method == HttpMethod.Put)
            {
                using JsonDocument body = JsonDocument.Parse(request.Content!.ReadAsStringAsync().GetAwaiter().GetResult());
                stateBodies.Add(body.RootElement.Clone());
                return StubHttpHandler.Json(HttpStatusCode.Accepted, Accepted);
            }

            if (request.RequestUri!.AbsolutePath.StartsWith("/1.0/operations/", StringComparison.Ordinal))
            {
                (int status, string error) = stateBodies.Count == 1 ? (LxdStatusCodes.Failure, "Failed shutting down instance: context deadline exceeded") : (LxdStatusCodes.Success, "");
                return StubHttpHandler.Json(
                    HttpStatusCode.OK,
                    $$$"""{"type":"sync","status":"Success","status_code":200,"metadata":{"id":"op1","status_code":{{{status}}},"err":"{{{error}}}"}}""");
            }

            return StubHttpHandler.Json(HttpStatusCode.OK, RunningInstance);
        });
        var logger = new ListLogger<LxdClient>();
        var options = new LxdClientOptions { SocketPath = "/nonexistent", Resilience = new ClientResilienceOptions { MaxRetryAttempts = 0 } };
        using var client = new LxdClient(options, logger, new FakeTimeProvider(), handler);

        await client.StopInstanceAsync("p1", "bot-1", TimeSpan.FromSeconds(15), CancellationToken.None);

        stateBodies.Should().HaveCount(2);
        stateBodies[0].GetProperty("action").GetString().Should().Be("stop");
        stateBodies[0].GetProperty("force").GetBoolean().Should().BeFalse();
        stateBodies[0].GetProperty("timeout").GetInt32().Should().Be(15);
        stateBodies[1].GetProperty("force").GetBoolean().Should().BeTrue();
        logger.Entries.Should().ContainSingle(entry => entry.Level == LogLevel.Warning).Which.Message.Should().Contain("forcing");
    }
}
