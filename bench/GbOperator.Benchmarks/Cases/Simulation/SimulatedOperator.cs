using GbOperator.Controllers.BotClusters;
using GbOperator.Controllers.Runtime;
using GbOperator.Resources;
using GbOperator.Resources.BotClusters;
using GbOperator.Resources.FailoverPolicies;
using Microsoft.Extensions.Logging.Abstractions;

namespace GbOperator.Benchmarks.Cases.Simulation;

/// <summary>
/// The real BotCluster controller (informer, work queue, reconciler) against a real API server, with LXD, Caddy and
/// the health-check network replaced by in-process simulations.
/// </summary>
internal sealed class SimulatedOperator : IAsyncDisposable
{
    /// <summary>LXD project of the simulated instances.</summary>
    public const string Project = "simulated";

    private readonly HttpClient _apiClient;
    private readonly HttpClient _healthClient;
    private readonly ControllerRunner _runner;

    private SimulatedOperator(HttpClient apiClient, HttpClient healthClient, ControllerRunner runner, CountingReconciler reconciler)
    {
        _apiClient = apiClient;
        _healthClient = healthClient;
        _runner = runner;
        Reconciler = reconciler;
    }

    public required SimulatedLxdClient Lxd { get; init; }

    public required SimulatedCaddyAdminClient Caddy { get; init; }

    public CountingReconciler Reconciler { get; }

    /// <summary>Starts the controller with one worker, as the operator runs it, on the API server at <paramref name="apiServer"/>.</summary>
    public static async Task<SimulatedOperator> StartAsync(Uri apiServer, BotClusterReconcilerOptions options, CancellationToken cancellationToken)
    {
        var apiClient = new HttpClient { BaseAddress = apiServer, Timeout = Timeout.InfiniteTimeSpan };
        var healthClient = new HttpClient(new SimulatedHealthHandler());
        var clusters = new HttpResourceClient<BotCluster>(apiClient, ResourceCatalog.BotClusters.Plural);
        var policies = new HttpResourceClient<FailoverPolicy>(apiClient, ResourceCatalog.FailoverPolicies.Plural);
        var lxd = new SimulatedLxdClient(TimeProvider.System);
        var caddy = new SimulatedCaddyAdminClient();
        await lxd.CreateProjectAsync(options.LxdProject, "simulated BotCluster instances", cancellationToken);

        var reconciler = new CountingReconciler(new BotClusterReconciler(clusters, policies, lxd, caddy, options, healthClient, NullLoggerFactory.Instance));
        var controller = ControllerFactory.Create(clusters, reconciler, new ControllerOptions { Name = "botclusters", Workers = 1 }, NullLoggerFactory.Instance);
        var runner = new ControllerRunner([controller], NullLogger<ControllerRunner>.Instance);
        var simulated = new SimulatedOperator(apiClient, healthClient, runner, reconciler) { Lxd = lxd, Caddy = caddy };
        await runner.StartAsync(cancellationToken);
        return simulated;
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await _runner.StopAsync(timeout.Token);
        _apiClient.Dispose();
        _healthClient.Dispose();
    }
}
