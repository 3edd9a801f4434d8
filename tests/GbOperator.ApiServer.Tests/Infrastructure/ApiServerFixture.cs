using System.Net.Http.Headers;
using GbOperator.ApiServer.Hosting;
using GbOperator.Storage;

namespace GbOperator.ApiServer.Tests.Infrastructure;

/// <summary>A real API server on 127.0.0.1 and a free port, over an SQLite store in a temporary folder.</summary>
public sealed class ApiServerFixture : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "gbo-apiserver-tests-" + Guid.NewGuid().ToString("N"));
    private ApiServerHost? _host;

    public IResourceStore Store { get; private set; } = null!;

    public ApiServerHost Host => _host ?? throw new InvalidOperationException("The server is not started.");

    public HttpClient Client { get; private set; } = null!;

    /// <summary>Options for the server; tests that need other limits make their own fixture.</summary>
    public ApiServerOptions Options { get; init; } = new() { BookmarkInterval = TimeSpan.FromMilliseconds(300) };

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        Store = ResourceStoreFactory.Open("sqlite://" + Path.Combine(_directory, "state.db"));
        _host = await ApiServerHost.StartAsync(Store, "127.0.0.1:0", Options);
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

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a finalizer-less handle is left for the OS to clean; the folder name is unique.
        }
    }
}
