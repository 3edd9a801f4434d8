using GbOperator.ApiServer.Events;
using GbOperator.ApiServer.Http;
using GbOperator.ApiServer.Registry;
using GbOperator.ApiServer.Tables;
using GbOperator.ApiServer.Watching;
using GbOperator.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GbOperator.ApiServer.Hosting;

/// <summary>A running API server: Kestrel serving the Kubernetes-style REST API over one store.</summary>
/// <remarks>
/// The host does not own the store: disposing the host stops the server and closes every watch,
/// and the caller disposes the store afterwards.
/// </remarks>
public sealed class ApiServerHost : IAsyncDisposable
{
    private readonly WebApplication _application;
    private int _disposed;

    private ApiServerHost(WebApplication application, Uri baseAddress)
    {
        _application = application;
        BaseAddress = baseAddress;
    }

    /// <summary>The address the server listens on, such as <c>http://127.0.0.1:40123/</c>, with the real port when 0 was requested.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The application's services, for components that run in the same process.</summary>
    public IServiceProvider Services => _application.Services;

    /// <summary>Starts an API server on <paramref name="listen"/> and returns when it accepts connections.</summary>
    /// <param name="store">Store of the objects; the caller keeps ownership.</param>
    /// <param name="listen"><c>ADDRESS:PORT</c> to listen on; port 0 picks a free port.</param>
    /// <param name="options">Limits and hooks; defaults when <c>null</c>.</param>
    /// <exception cref="FormatException"><paramref name="listen"/> is not <c>ADDRESS:PORT</c>.</exception>
    public static async Task<ApiServerHost> StartAsync(
        IResourceStore store,
        string listen = "127.0.0.1:0",
        ApiServerOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        options ??= new ApiServerOptions();
        var endpoint = ListenAddress.Parse(listen);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(endpoint);
            kestrel.AddServerHeader = false;
        });
        builder.Services.AddSingleton(store);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<WatchCacheSet>();
        builder.Services.AddSingleton<ResourceRegistry>();
        builder.Services.AddSingleton<TableBuilder>();
        builder.Services.AddSingleton<WatchStreamer>();
        builder.Services.AddSingleton<ResourceHandler>();
        builder.Services.AddSingleton<ShardResolveHandler>();
        builder.Services.AddHostedService(services => services.GetRequiredService<WatchCacheSet>());
        builder.Services.AddSingleton(options.Events);
        builder.Services.AddSingleton<EventRegistry>();
        builder.Services.AddSingleton<EventTable>();
        builder.Services.AddSingleton<EventRequestHandler>();
        builder.Services.AddSingleton<EventExpirySweeper>();
        builder.Services.AddHostedService(services => services.GetRequiredService<EventExpirySweeper>());
        options.ConfigureBuilder?.Invoke(builder);

        var application = builder.Build();
        options.ConfigureApplication?.Invoke(application);
        application.MapApiServerEndpoints();

        await application.StartAsync(cancellationToken);
        var addresses = application.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()
            ?? throw new InvalidOperationException("The server did not report the addresses it listens on.");
        var baseAddress = new Uri(addresses.Addresses.First().TrimEnd('/') + "/");
        return new ApiServerHost(application, baseAddress);
    }

    /// <summary>Waits until the application stops, for example on SIGTERM or Ctrl-C.</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) =>
        _application.WaitForShutdownAsync(cancellationToken);

    /// <summary>Stops the server, closing open watches, and releases it.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        try
        {
            await _application.StopAsync(CancellationToken.None);
        }
        finally
        {
            await _application.DisposeAsync();
        }
    }
}
