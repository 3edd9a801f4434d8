namespace Gbctl.Tests.Support;

/// <summary>Base of tests that need their own API server. xunit creates one per test, so tests share no objects.</summary>
public abstract class ServerTest : IAsyncLifetime
{
    private GbctlServer? _server;

    /// <summary>The server of the running test.</summary>
    internal GbctlServer Server => _server ?? throw new InvalidOperationException("The server starts in InitializeAsync.");

    public async Task InitializeAsync() => _server = await GbctlServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
