using System.Text.Json.Nodes;

namespace GbOperator.EndToEnd.Tests;

/// <summary>
/// Samples LXD and then Caddy in a loop and records every upstream in the cluster's Caddy server whose instance
/// was already stopped or deleted, plus the lowest number of routed running instances seen.
/// </summary>
/// <remarks>
/// LXD is read before Caddy, so an upstream that Caddy still routes to after LXD showed its instance stopped
/// proves that the instance stopped while it was in the routes.
/// </remarks>
internal sealed class RouteSampler : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly List<string> _violations = [];

    public RouteSampler(OperatorTestEnvironment environment, string cluster, TimeSpan maxDuration)
    {
        _stop.CancelAfter(maxDuration);
        _loop = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                var running = (await environment.ListInstancesAsync())
                    .Where(instance => instance.IsRunning)
                    .Select(instance => "127.0.0.1:" + instance.Config["user.gbo.host-port"])
                    .ToHashSet();
                var server = await environment.GetCaddyServerAsync(cluster);
                var dials = Dials(server);
                foreach (string dial in dials.Where(dial => !running.Contains(dial)))
                {
                    lock (_violations)
                    {
                        _violations.Add($"{dial} routed but not running at {DateTime.UtcNow:HH:mm:ss.fff}");
                    }
                }

                MinimumRouted = Math.Min(MinimumRouted, dials.Count(running.Contains));
                Samples++;
            }
        });
    }

    public int MinimumRouted { get; private set; } = int.MaxValue;

    public int Samples { get; private set; }

    public IReadOnlyList<string> Violations
    {
        get
        {
            lock (_violations)
            {
                return [.. _violations];
            }
        }
    }

    /// <summary>Dial addresses of the load-balanced /api/* route.</summary>
    public static HashSet<string> Dials(JsonNode? server)
    {
        var dials = new HashSet<string>(StringComparer.Ordinal);
        foreach (var route in server?["routes"]?.AsArray() ?? [])
        {
            if (route?["match"]?[0]?["path"]?[0]?.GetValue<string>() != "/api/*")
            {
                continue;
            }

            foreach (var upstream in route["handle"]?[0]?["upstreams"]?.AsArray() ?? [])
            {
                dials.Add(upstream!["dial"]!.GetValue<string>());
            }
        }

        return dials;
    }

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await _loop;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
    }
}
