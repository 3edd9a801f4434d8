using System.Net.Http.Headers;
using GbOperator.ApiServer.Hosting;
using GbOperator.Storage;

namespace GbOperator.ApiServer.Tests.Infrastructure;

/// <summary>A real API server on 127.0.0.1 and a free port, over a store that a subclass opens in a temporary folder.</summary>
public abstract class ApiServerFixture : IAsyncLifetime
{
    private ApiServerHost? _host;

    /// <summary>Temporary folder of this fixture, deleted on dispose.</summary>
    protected string Directory { get; } = Path.Combine(Path.GetTempPath(), "gbo-apiserver-tests-" + Guid.NewGuid().ToString("N"));

    public IResourceStore Store { get; private set; } = null!;

    public ApiServerHost Host => _host ?? throw new InvalidOperationException("The server is not started.");

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        System.IO.Directory.CreateDirectory(Directory);
        Store = await OpenStoreAsync();
        _host = await ApiServerHost.StartAsync(Store, "127.0.0.1:0", new ApiServerOptions { BookmarkInterval = TimeSpan.FromMilliseconds(300) });
        Client = new HttpClient { BaseAddress = _host.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        Client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        if (Store is not null)
        {
            await Store.DisposeAsync();
        }

        await StopBackendAsync();
        System.IO.Directory.Delete(Directory, recursive: true);
    }

    /// <summary>Opens the store the server runs on.</summary>
    protected abstract Task<IResourceStore> OpenStoreAsync();

    /// <summary>Stops whatever <see cref="OpenStoreAsync"/> started besides the store.</summary>
    protected virtual Task StopBackendAsync() => Task.CompletedTask;
}
