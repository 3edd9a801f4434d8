using GbOperator.Controllers.Events;
using GbOperator.Controllers.Runtime;
using GbOperator.Resources;
using GbOperator.Resources.BotClusters;
using GbOperator.Resources.FailoverPolicies;
using Microsoft.Extensions.Logging;

namespace GbOperator.Controllers.FailoverPolicies;

/// <summary>The running FailoverPolicy controller with the clients it owns.</summary>
/// <remarks>Disposing stops the controller, waiting for the pass in flight, and then closes the backend connections.</remarks>
public sealed class FailoverPolicyControllerHost : IAsyncDisposable
{
    private readonly HttpClient _apiClient;
    private readonly HttpClient _backendClient;
    private readonly FailoverPolicyReconciler _reconciler;
    private readonly EventRecorder _events;

    private FailoverPolicyControllerHost(HttpClient apiClient, HttpClient backendClient, FailoverPolicyReconciler reconciler, ControllerRunner runner, EventRecorder events)
    {
        _apiClient = apiClient;
        _backendClient = backendClient;
        _reconciler = reconciler;
        Runner = runner;
        _events = events;
    }

    /// <summary>The runner, for health checks.</summary>
    public ControllerRunner Runner { get; }

    /// <summary>Starts the controller against the API server at <paramref name="apiServer"/>.</summary>
    public static async Task<FailoverPolicyControllerHost> StartAsync(Uri apiServer, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(apiServer);
        ArgumentNullException.ThrowIfNull(loggerFactory);

        var apiClient = ApiServerHttpClient.Create(apiServer, ApiServerHttpClient.FailoverPolicyController);
        var backendClient = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        var policies = new HttpResourceClient<FailoverPolicy>(apiClient, ResourceCatalog.FailoverPolicies.Plural);
        var events = new EventRecorder(new HttpEventSink(apiClient), new EventRecorderOptions(), TimeProvider.System, loggerFactory.CreateLogger<EventRecorder>());

        // Backend notices queue passes on the controller, which exists only after the reconciler.
        IController<FailoverPolicy>? controller = null;
        var clusters = new HttpResourceClient<BotCluster>(apiClient, ResourceCatalog.BotClusters.Plural);
        var reconciler = new FailoverPolicyReconciler(policies, backendClient, key => controller?.Enqueue(key), loggerFactory, events: events, clusters: clusters);
        controller = ControllerFactory.Create(policies, reconciler, new ControllerOptions { Name = "failoverpolicies", Workers = 1 }, loggerFactory);
        var runner = new ControllerRunner([controller], loggerFactory.CreateLogger<ControllerRunner>());
        try
        {
            await runner.StartAsync(cancellationToken);
        }
        catch
        {
            await reconciler.DisposeAsync();
            await events.DisposeAsync();
            apiClient.Dispose();
            backendClient.Dispose();
            throw;
        }

        return new FailoverPolicyControllerHost(apiClient, backendClient, reconciler, runner, events);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await Runner.StopAsync(timeout.Token);
        await _reconciler.DisposeAsync();
        await _events.DisposeAsync();
        _apiClient.Dispose();
        _backendClient.Dispose();
    }
}
