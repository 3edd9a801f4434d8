using GbOperator.Infrastructure.Caddy;
using GbOperator.Infrastructure.Lxd;
using GbOperator.Infrastructure.Resilience;
using Microsoft.Extensions.Logging;

namespace GbOperator.Infrastructure.Tests.Resilience;

/// <summary>Points the clients at a closed 127.0.0.1 port and a missing socket, with short real backoff delays.</summary>
public sealed class UnreachableServerTests
{
    private static readonly ClientResilienceOptions FastRetries = new()
    {
        MaxRetryAttempts = 2,
        BaseDelay = TimeSpan.FromMilliseconds(10),
        MaxDelay = TimeSpan.FromMilliseconds(50),
    };

    [Fact]
    public async Task CaddyGet_ClosedPort_ThrowsUnavailableAfterRetries()
    {
        var logger = new ListLogger<CaddyAdminClient>();
        var adminUrl = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        using var client = new CaddyAdminClient(new CaddyAdminClientOptions { AdminUrl = adminUrl, Resilience = FastRetries }, logger);

        Func<Task> get = () => client.GetAsync(CaddyConfigPath.Root, CancellationToken.None);

        CaddyUnavailableException error = (await get.Should().ThrowAsync<CaddyUnavailableException>()).Which;
        error.Message.Should().Contain(adminUrl.ToString()).And.Contain("/config/");
        logger.Entries.Count(entry => entry.Level == LogLevel.Warning).Should().Be(2);
        logger.Entries.Should().ContainSingle(entry => entry.Level == LogLevel.Error).Which.Message.Should().Contain("after 3 attempt(s)");
    }

    [Fact]
    public async Task LxdGetInstance_MissingSocket_ThrowsUnavailable()
    {
        var logger = new ListLogger<LxdClient>();
        string socket = Path.Combine(Path.GetTempPath(), $"gbo-missing-{Guid.NewGuid():N}.socket");
        using var client = new LxdClient(new LxdClientOptions { SocketPath = socket, Resilience = FastRetries }, logger);

        Func<Task> get = () => client.GetInstanceAsync("p1", "bot-1", CancellationToken.None);

        LxdUnavailableException error = (await get.Should().ThrowAsync<LxdUnavailableException>()).Which;
        error.Instance.Should().Be("bot-1");
        error.Project.Should().Be("p1");
        error.Message.Should().Contain(socket);
        logger.Entries.Count(entry => entry.Level == LogLevel.Warning).Should().Be(2);
        logger.Entries.Should().ContainSingle(entry => entry.Level == LogLevel.Error).Which.Message.Should().Contain("p1/bot-1");
    }
}
