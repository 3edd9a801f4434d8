using System.Net;
using GbOperator.Infrastructure.Lxd;
using GbOperator.Infrastructure.Resilience;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace GbOperator.Infrastructure.Tests.Lxd;

/// <summary>Checks how the client waits for LXD operations, against a stub that replays LXD 5.0.2's envelopes.</summary>
public sealed class LxdOperationWaitTests
{
    private const string Accepted =
        """{"type":"async","status":"Operation created","status_code":100,"operation":"/1.0/operations/op1","error_code":0,"error":"","metadata":{"id":"op1","status_code":103}}""";

    private static readonly LxdClientOptions Options = new()
    {
        SocketPath = "/nonexistent",
        OperationTimeout = TimeSpan.FromSeconds(30),
        OperationWaitSlice = TimeSpan.FromSeconds(10),
        Resilience = new ClientResilienceOptions { MaxRetryAttempts = 0 },
    };

    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task DeleteInstance_SlowOperation_WaitsAgain()
    {
        int waits = 0;
        using LxdClient client = CreateClient(
            request => request.Method == HttpMethod.Delete
                ? StubHttpHandler.Json(HttpStatusCode.Accepted, Accepted)
                : Operation(++waits < 3 ? LxdStatusCodes.Running : LxdStatusCodes.Success, error: ""),
            out StubHttpHandler handler);

        await client.DeleteInstanceAsync("p1", "bot-1", CancellationToken.None);

        waits.Should().Be(3);
        handler.Requests.Should().Equal(
            "DELETE /1.0/instances/bot-1?project=p1",
            "GET /1.0/operations/op1/wait?timeout=10&project=p1",
            "GET /1.0/operations/op1/wait?timeout=10&project=p1",
            "GET /1.0/operations/op1/wait?timeout=10&project=p1");
    }

    [Fact]
    public async Task DeleteInstance_OperationFails_ThrowsWithOperationError()
    {
        using LxdClient client = CreateClient(
            request => request.Method == HttpMethod.Delete
                ? StubHttpHandler.Json(HttpStatusCode.Accepted, Accepted)
                : Operation(LxdStatusCodes.Failure, error: "Failed deleting instance: disk busy"),
            out _);

        Func<Task> delete = () => client.DeleteInstanceAsync("p1", "bot-1", CancellationToken.None);

        LxdException error = (await delete.Should().ThrowAsync<LxdException>()).Which;
        error.LxdError.Should().Be("Failed deleting instance: disk busy");
        error.Operation.Should().Be("delete instance");
        error.Instance.Should().Be("bot-1");
    }

    [Fact]
    public async Task DeleteInstance_OperationVanished_ThrowsUnknownResult()
    {
        using LxdClient client = CreateClient(
            request => request.Method == HttpMethod.Delete
                ? StubHttpHandler.Json(HttpStatusCode.Accepted, Accepted)
                : StubHttpHandler.Json(HttpStatusCode.NotFound, """{"type":"error","error":"Operation not found","error_code":404}"""),
            out _);

        Func<Task> delete = () => client.DeleteInstanceAsync("p1", "bot-1", CancellationToken.None);

        LxdException error = (await delete.Should().ThrowAsync<LxdException>()).Which;
        error.Should().NotBeOfType<LxdNotFoundException>();
        error.LxdError.Should().Contain("op1").And.Contain("re-read the instance");
    }

    [Fact]
    public async Task DeleteInstance_EndlessOperation_TimesOut()
    {
        int waits = 0;
        using LxdClient client = CreateClient(
            request =>
            {
                if (request.Method == HttpMethod.Delete)
                {
                    return StubHttpHandler.Json(HttpStatusCode.Accepted, Accepted);
                }

                // Each wait request blocks for its whole slice on a real LXD.
                waits++;
                _time.Advance(TimeSpan.FromSeconds(10));
                return Operation(LxdStatusCodes.Running, error: "");
            },
            out _);

        Func<Task> delete = () => client.DeleteInstanceAsync("p1", "bot-1", CancellationToken.None);

        LxdUnavailableException error = (await delete.Should().ThrowAsync<LxdUnavailableException>()).Which;
        error.LxdError.Should().Contain("did not finish within 00:00:30");
        waits.Should().Be(3);
    }

    private LxdClient CreateClient(Func<HttpRequestMessage, HttpResponseMessage> respond, out StubHttpHandler handler)
    {
        handler = new StubHttpHandler(respond);
        return new LxdClient(Options, NullLogger.Instance, _time, handler);
    }

    private static HttpResponseMessage Operation(int statusCode, string error) => StubHttpHandler.Json(
        HttpStatusCode.OK,
        $$$"""{"type":"sync","status":"Success","status_code":200,"metadata":{"id":"op1","status_code":{{{statusCode}}},"err":"{{{error}}}","metadata":null}}""");
}
