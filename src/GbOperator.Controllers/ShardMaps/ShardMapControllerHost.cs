using GbOperator.Controllers.Events;
using GbOperator.Controllers.Runtime;
using GbOperator.Infrastructure.Lxd;
using GbOperator.Infrastructure.Postgres;
using GbOperator.Infrastructure.Qdrant;
using GbOperator.Infrastructure.Redis;
using GbOperator.Resources;
using GbOperator.Resources.BotClusters;
using GbOperator.Resources.ShardMaps;
using Microsoft.Extensions.Logging;

namespace GbOperator.Controllers.ShardMaps;

/// <summary>
/// The running ShardMap controller, plus a controller of BotClusters that writes the routing file into new instances at
/// once, with the clients they own.
/// </summary>
/// <remarks>Disposing stops the controller, waiting for the pass in flight, and then disposes the clients.</remarks>
public sealed class ShardMapControllerHost : IAsyncDisposable
{
    private readonly HttpClient _apiClient;
    private readonly LxdClient _lxd;
    private readonly QdrantCollectionClient _qdrant;
    private readonly EventRecorder _events;

    private ShardMapControllerHost(HttpClient apiClient, LxdClient lxd, QdrantCollectionClient qdrant, EventRecorder events, ControllerRunner runner)
    {
        _apiClient = apiClient;
        _lxd = lxd;
        _qdrant = qdrant;
        _events = events;
        Runner = runner;
    }

    /// <summary>The runner, for health checks.</summary>
    public ControllerRunner Runner { get; }

    /// <summary>Starts the controller.</summary>
    public static async Task<ShardMapControllerHost> StartAsync(
        ShardMapControllerSettings settings, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        settings.Reconciler.Validate();

        var apiClient = ApiServerHttpClient.Create(settings.ApiServer, ApiServerHttpClient.ShardMapController);
        var lxd = new LxdClient(new LxdClientOptions { SocketPath = settings.LxdSocket }, loggerFactory.CreateLogger<LxdClient>());
        var qdrant = new QdrantCollectionClient(settings.BackendTimeout, loggerFactory);
        try
        {
            var maps = new HttpResourceClient<ShardMap>(apiClient, ResourceCatalog.ShardMaps.Plural);
            var clusters = new HttpResourceClient<BotCluster>(apiClient, ResourceCatalog.BotClusters.Plural);
            var events = new EventRecorder(new HttpEventSink(apiClient), new EventRecorderOptions(), TimeProvider.System, loggerFactory.CreateLogger<EventRecorder>());
            var reconciler = new ShardMapReconciler(
                maps,
                clusters,
                new TenantDatabaseClient(settings.Postgres, loggerFactory.CreateLogger<TenantDatabaseClient>()),
                new RedisClusterInspector(settings.BackendTimeout, loggerFactory.CreateLogger<RedisClusterInspector>()),
                qdrant,
                lxd,
                settings.Reconciler,
                loggerFactory,
                events: events);
            var controller = ControllerFactory.Create(maps, reconciler, new ControllerOptions { Name = "shardmaps", Workers = 1 }, loggerFactory);
            var trigger = ControllerFactory.Create(
                clusters,
                new RoutingFileTrigger(maps, lxd, settings.Reconciler.LxdProject, loggerFactory),
                new ControllerOptions { Name = "shardmap-routing", Workers = 1 },
                loggerFactory);
            var runner = new ControllerRunner([controller, trigger], loggerFactory.CreateLogger<ControllerRunner>());
            await runner.StartAsync(cancellationToken);
            return new ShardMapControllerHost(apiClient, lxd, qdrant, events, runner);
        }
        catch
        {
            apiClient.Dispose();
            lxd.Dispose();
            qdrant.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await Runner.StopAsync(timeout.Token);
        await _events.DisposeAsync();
        _apiClient.Dispose();
        _lxd.Dispose();
        _qdrant.Dispose();
    }
}
