using GbOperator.Controllers.Autoscaling;
using GbOperator.Controllers.BotClusters.Failover;
using GbOperator.Controllers.Events;
using GbOperator.Controllers.Monitoring;
using GbOperator.Controllers.Runtime;
using GbOperator.Infrastructure.Caddy;
using GbOperator.Infrastructure.Lxd;
using GbOperator.Resources;
using GbOperator.Resources.BotClusters;
using GbOperator.Resources.FailoverPolicies;
using Microsoft.Extensions.Logging;

namespace GbOperator.Controllers.BotClusters;

/// <summary>The running BotCluster controller and autoscaler with the clients they own.</summary>
/// <remarks>Disposing stops the controller, waiting for the pass in flight, and then disposes the clients.</remarks>
public sealed class BotClusterControllerHost : IAsyncDisposable
{
    private readonly HttpClient _apiClient;
    private readonly HttpClient _autoscalerApiClient;
    private readonly HttpClient _healthClient;
    private readonly LxdClient _lxd;
    private readonly CaddyAdminClient _caddy;
    private readonly ControllerRunner _runner;
    private readonly EventRecorder _events;

    private BotClusterControllerHost(
        HttpClient apiClient,
        HttpClient autoscalerApiClient,
        HttpClient healthClient,
        LxdClient lxd,
        CaddyAdminClient caddy,
        ControllerRunner runner,
        EventRecorder events,
        OperatorMetrics metrics)
    {
        Metrics = metrics;
        _events = events;
        _apiClient = apiClient;
        _autoscalerApiClient = autoscalerApiClient;
        _healthClient = healthClient;
        _lxd = lxd;
        _caddy = caddy;
        _runner = runner;
    }

    /// <summary>The runner, for health checks.</summary>
    public ControllerRunner Runner => _runner;

    /// <summary>The Prometheus series the controllers update.</summary>
    public OperatorMetrics Metrics { get; }

    /// <summary>Creates the LXD project when it is missing, then starts the controller.</summary>
    public static async Task<BotClusterControllerHost> StartAsync(
        BotClusterControllerSettings settings, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        settings.Reconciler.Validate();

        var apiClient = ApiServerHttpClient.Create(settings.ApiServer, ApiServerHttpClient.BotClusterController);
        var autoscalerApiClient = ApiServerHttpClient.Create(settings.ApiServer, ApiServerHttpClient.Autoscaler);
        var healthClient = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        var lxd = new LxdClient(new LxdClientOptions { SocketPath = settings.LxdSocket }, loggerFactory.CreateLogger<LxdClient>());
        var caddy = new CaddyAdminClient(new CaddyAdminClientOptions { AdminUrl = settings.CaddyAdminUrl }, loggerFactory.CreateLogger<CaddyAdminClient>());
        try
        {
            string project = settings.Reconciler.LxdProject;
            if (!await lxd.ProjectExistsAsync(project, cancellationToken))
            {
                await lxd.CreateProjectAsync(project, "BotCluster instances of GbOperator", cancellationToken);
            }

            var clusters = new HttpResourceClient<BotCluster>(apiClient, ResourceCatalog.BotClusters.Plural);
            var events = new EventRecorder(new HttpEventSink(apiClient), new EventRecorderOptions(), TimeProvider.System, loggerFactory.CreateLogger<EventRecorder>());
            var policies = new HttpResourceClient<FailoverPolicy>(apiClient, ResourceCatalog.FailoverPolicies.Plural);
            var metrics = settings.Metrics;
            var reconciler = new BotClusterReconciler(clusters, policies, lxd, caddy, settings.Reconciler, healthClient, loggerFactory, events: events, metrics: metrics);
            var controller = ControllerFactory.Create(
                clusters, reconciler, new ControllerOptions { Name = "botclusters", Workers = 1 }, loggerFactory, metrics: metrics);
            controller.WatchRelated(policies, policy => FailoverPolicyReferences.ClustersReferencing(controller.Cache, policy));
            var autoscalerClusters = new HttpResourceClient<BotCluster>(autoscalerApiClient, ResourceCatalog.BotClusters.Plural);
            var autoscaler = new AutoscalerReconciler(autoscalerClusters, lxd, caddy, healthClient, project, events, metrics, loggerFactory);
            var autoscalerController = ControllerFactory.Create(
                autoscalerClusters, autoscaler, new ControllerOptions { Name = "autoscaler", Workers = 1 }, loggerFactory, metrics: metrics);
            metrics.WatchQueue(controller.GetHealth);
            metrics.WatchQueue(autoscalerController.GetHealth);
            var runner = new ControllerRunner([controller, autoscalerController], loggerFactory.CreateLogger<ControllerRunner>());
            await runner.StartAsync(cancellationToken);
            return new BotClusterControllerHost(apiClient, autoscalerApiClient, healthClient, lxd, caddy, runner, events, metrics);
        }
        catch
        {
            apiClient.Dispose();
            autoscalerApiClient.Dispose();
            healthClient.Dispose();
            lxd.Dispose();
            caddy.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _runner.StopAsync(timeout.Token);
        await _events.DisposeAsync();
        _apiClient.Dispose();
        _autoscalerApiClient.Dispose();
        _healthClient.Dispose();
        _lxd.Dispose();
        _caddy.Dispose();
    }
}
