using GbOperator.Controllers.Events;
using GbOperator.Controllers.Runtime;
using GbOperator.Resources;
using GbOperator.Resources.GitRepositories;
using Microsoft.Extensions.Logging;

namespace GbOperator.Controllers.GitRepositories;

/// <summary>The running GitRepository controller with the HTTP client it owns.</summary>
/// <remarks>Disposing stops the controller, waiting for the pass in flight, and then disposes the client.</remarks>
public sealed class GitRepositoryControllerHost : IAsyncDisposable
{
    private readonly HttpClient _apiClient;
    private readonly EventRecorder _events;

    private GitRepositoryControllerHost(HttpClient apiClient, ControllerRunner runner, EventRecorder events)
    {
        _apiClient = apiClient;
        _events = events;
        Runner = runner;
    }

    /// <summary>The runner, for health checks.</summary>
    public ControllerRunner Runner { get; }

    /// <summary>Starts the controller against the API server at <paramref name="apiServer"/>.</summary>
    public static async Task<GitRepositoryControllerHost> StartAsync(
        Uri apiServer, GitRepositoryReconcilerOptions options, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        Directory.CreateDirectory(options.CacheFolder);

        var apiClient = ApiServerHttpClient.Create(apiServer, ApiServerHttpClient.GitRepositoryController);
        EventRecorder? events = null;
        try
        {
            var repositories = new HttpResourceClient<GitRepository>(apiClient, ResourceCatalog.GitRepositories.Plural);
            events = new EventRecorder(new HttpEventSink(apiClient), new EventRecorderOptions(), TimeProvider.System, loggerFactory.CreateLogger<EventRecorder>());
            var reconciler = new GitRepositoryReconciler(repositories, apiClient, options, TimeProvider.System, loggerFactory, events);
            var controller = ControllerFactory.Create(repositories, reconciler, new ControllerOptions { Name = "gitrepositories", Workers = 1 }, loggerFactory);
            var runner = new ControllerRunner([controller], loggerFactory.CreateLogger<ControllerRunner>());
            await runner.StartAsync(cancellationToken);
            return new GitRepositoryControllerHost(apiClient, runner, events);
        }
        catch
        {
            if (events is not null)
            {
                await events.DisposeAsync();
            }

            apiClient.Dispose();
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
    }
}
