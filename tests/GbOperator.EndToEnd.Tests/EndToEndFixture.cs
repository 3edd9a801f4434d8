using GbOperator.Infrastructure.Tests;

namespace GbOperator.EndToEnd.Tests;

/// <summary>The local LXD from <c>hack/env-up.sh</c> plus a private Caddy for the end-to-end tests.</summary>
public sealed class EndToEndFixture : IAsyncLifetime
{
    private readonly LocalServicesFixture _services = new();
    private PrivateCaddy? _caddy;

    /// <summary>Path of LXD's unix socket.</summary>
    public string LxdSocket => _services.LxdSocket;

    /// <summary>Admin URL of the private Caddy.</summary>
    public Uri CaddyAdminUrl => _caddy?.AdminUrl ?? throw new InvalidOperationException("The fixture is not initialized.");

    public async Task InitializeAsync()
    {
        await _services.InitializeAsync();
        _caddy = await PrivateCaddy.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_caddy is not null)
        {
            await _caddy.DisposeAsync();
        }

        await _services.DisposeAsync();
    }
}
