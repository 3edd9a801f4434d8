using System.Net;
using GbOperator.Infrastructure.Lxd;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace GbOperator.Infrastructure.Tests.Lxd;

/// <summary>Checks the ETag-guarded read-modify-write against a stub that replays LXD 5.0.2's 412 response.</summary>
public sealed class LxdEtagUpdateTests
{
    private const string Instance =
        """{"type":"sync","status":"Success","status_code":200,"metadata":{"name":"bot-1","status":"Running","status_code":103,"config":{},"devices":{},"profiles":["default"]}}""";

    [Fact]
    public async Task SetConfig_StaleEtag_ReadsAgainAndSucceeds()
    {
        int reads = 0;
        int patches = 0;
        var ifMatch = new List<string>();
        var handler = new StubHttpHandler(request =>
        {
            if (request.Method == HttpMethod.Get)
            {
                reads++;
                HttpResponseMessage response = StubHttpHandler.Json(HttpStatusCode.OK, Instance);
                response.Headers.TryAddWithoutValidation("ETag", $"\"etag-{reads}\"");
                return response;
            }

            patches++;
            ifMatch.Add(string.Join(',', request.Headers.GetValues("If-Match")));
            return patches == 1
                ? StubHttpHandler.Json(HttpStatusCode.PreconditionFailed, """{"type":"error","error":"ETag doesn't match: a vs b","error_code":412}""")
                : StubHttpHandler.Json(HttpStatusCode.OK, """{"type":"sync","status":"Success","status_code":200,"metadata":{}}""");
        });
        var logger = new ListLogger<LxdClient>();
        using var client = new LxdClient(new LxdClientOptions { SocketPath = "/nonexistent" }, logger, new FakeTimeProvider(), handler);

        await client.SetConfigAsync("p1", "bot-1", new Dictionary<string, string?> { ["user.gb.generation"] = "2" }, CancellationToken.None);

        reads.Should().Be(2);
        ifMatch.Should().Equal("\"etag-1\"", "\"etag-2\"");
        logger.Entries.Should().ContainSingle(entry => entry.Level == LogLevel.Warning).Which.Message.Should().Contain("bot-1").And.Contain("attempt 1 of 6");
    }

    [Fact]
    public async Task SetConfig_EtagAlwaysStale_ThrowsConflict()
    {
        var handler = new StubHttpHandler(request => request.Method == HttpMethod.Get
            ? StubHttpHandler.Json(HttpStatusCode.OK, Instance)
            : StubHttpHandler.Json(HttpStatusCode.PreconditionFailed, """{"type":"error","error":"ETag doesn't match: a vs b","error_code":412}"""));
        using var client = new LxdClient(
            new LxdClientOptions { SocketPath = "/nonexistent", MaxEtagConflictRetries = 1 }, new ListLogger<LxdClient>(), new FakeTimeProvider(), handler);

        Func<Task> set = () => client.SetConfigAsync("p1", "bot-1", new Dictionary<string, string?> { ["user.a"] = "b" }, CancellationToken.None);

        LxdConflictException error = (await set.Should().ThrowAsync<LxdConflictException>()).Which;
        error.StatusCode.Should().Be(HttpStatusCode.PreconditionFailed);
        error.LxdError.Should().Contain("ETag doesn't match");
        handler.Requests.Count(request => request.StartsWith("PATCH", StringComparison.Ordinal)).Should().Be(2);
    }
}
