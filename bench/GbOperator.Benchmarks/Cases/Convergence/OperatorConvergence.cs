using System.Diagnostics;
using GbOperator.Controllers.BotClusters;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Abstractions;

namespace GbOperator.Benchmarks.Cases.Convergence;

/// <summary>
/// Brings up one BotCluster with the real BotCluster controller on LXD and Caddy, against an API server on SQLite,
/// and times it from the create request until its status reports every replica ready.
/// </summary>
internal sealed class OperatorConvergence(BotClusterControllerSettings settings, HttpClient healthClient)
{
    private const string Namespace = "bench";
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan ConvergenceTimeout = TimeSpan.FromMinutes(3);

    /// <summary>Runs one convergence from zero to <paramref name="replicas"/> and returns its wall time in seconds.</summary>
    public async Task<double> RunAsync(string storeUrl, int replicas, CancellationToken cancellationToken)
    {
        await using var server = await LocalApiServer.StartAsync(storeUrl, cancellationToken);
        await using var controller = await BotClusterControllerHost.StartAsync(settings with { ApiServer = server.BaseAddress }, NullLoggerFactory.Instance, cancellationToken);
        await WaitForSyncAsync(controller, cancellationToken);

        int listenPort = LocalPorts.Free();
        string path = BotClusterDocuments.ObjectPath(Namespace, "converge");
        long started = Stopwatch.GetTimestamp();
        await server.CreateAsync(BotClusterDocuments.CollectionPath(Namespace), BotClusterDocuments.Create(Namespace, "converge", replicas, listenPort), cancellationToken);
        await WaitForReadyAsync(server, path, replicas, cancellationToken);
        double seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;

        // Check the result the way a user would: a request through the Caddy listen address reaches an instance.
        await HealthWaiter.WaitAllAsync(healthClient, [listenPort], TimeSpan.FromSeconds(10), cancellationToken);

        await DeleteAndWaitAsync(server, path, cancellationToken);
        return seconds;
    }

    private static async Task WaitForSyncAsync(BotClusterControllerHost controller, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(Stopwatch.Frequency * 30);
        while ((await controller.Runner.CheckHealthAsync(new HealthCheckContext(), cancellationToken)).Status != HealthStatus.Healthy)
        {
            if (Stopwatch.GetTimestamp() > deadline)
            {
                throw new TimeoutException("The BotCluster controller did not sync within 30 s.");
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    private static async Task WaitForReadyAsync(LocalApiServer server, string path, int replicas, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(Stopwatch.Frequency * ConvergenceTimeout.TotalSeconds);
        while (true)
        {
            var cluster = await server.GetAsync(path, cancellationToken);
            int ready = cluster["status"]?["readyReplicas"]?.GetValue<int>() ?? 0;
            if (ready == replicas)
            {
                return;
            }

            if (Stopwatch.GetTimestamp() > deadline)
            {
                throw new TimeoutException($"{path} reached {ready} of {replicas} ready replicas within {ConvergenceTimeout.TotalSeconds:0} s; status: {cluster["status"]?.ToJsonString()}");
            }

            // A poll interval between reads of the status, not a synchronisation: the loop ends on the condition.
            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    /// <summary>Deletes the BotCluster and waits until its finalizer has removed the instances and routes.</summary>
    private static async Task DeleteAndWaitAsync(LocalApiServer server, string path, CancellationToken cancellationToken)
    {
        using (var response = await server.Client.DeleteAsync(path, cancellationToken))
        {
            response.EnsureSuccessStatusCode();
        }

        var deadline = Stopwatch.GetTimestamp() + (long)(Stopwatch.Frequency * ConvergenceTimeout.TotalSeconds);
        while (true)
        {
            using var response = await server.Client.GetAsync(path, cancellationToken);
            if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
            {
                return;
            }

            if (Stopwatch.GetTimestamp() > deadline)
            {
                throw new TimeoutException($"{path} was not deleted within {ConvergenceTimeout.TotalSeconds:0} s.");
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }
}
