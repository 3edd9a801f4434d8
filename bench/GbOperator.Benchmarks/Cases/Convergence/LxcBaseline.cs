using System.Text.Json.Nodes;
using GbOperator.Infrastructure.Caddy;

namespace GbOperator.Benchmarks.Cases.Convergence;

/// <summary>
/// The hand-run way to bring up routed instances: <c>lxc launch</c> and <c>lxc config device add</c> per instance,
/// then one Caddy <c>/load</c> with every instance as an upstream, then a wait until each instance is healthy.
/// </summary>
internal sealed class LxcBaseline(string project, ICaddyAdminClient caddy, HttpClient healthClient)
{
    private const string Image = "botserver-standin";
    private const int BotserverPort = 8080;
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan HealthTimeout = TimeSpan.FromMinutes(2);

    /// <summary>Launches the instances one after another (<paramref name="parallel"/> false) or all at once, routes and waits.</summary>
    /// <returns>The names of the launched instances, for <see cref="DeleteAsync"/>.</returns>
    public async Task<IReadOnlyList<string>> RunAsync(string namePrefix, int count, bool parallel, CancellationToken cancellationToken)
    {
        var instances = Enumerable.Range(0, count).Select(i => (Name: $"{namePrefix}-{i}", Port: LocalPorts.Free())).ToList();
        if (parallel)
        {
            await Task.WhenAll(instances.Select(instance => LaunchAsync(instance.Name, instance.Port, cancellationToken)));
        }
        else
        {
            foreach (var (name, port) in instances)
            {
                await LaunchAsync(name, port, cancellationToken);
            }
        }

        await LoadRoutesAsync(instances.Select(instance => instance.Port), cancellationToken);
        await HealthWaiter.WaitAllAsync(healthClient, instances.Select(instance => instance.Port), HealthTimeout, cancellationToken);
        return [.. instances.Select(instance => instance.Name)];
    }

    /// <summary>Deletes the instances (forcing running ones to stop) and removes the baseline's Caddy server.</summary>
    public async Task DeleteAsync(IEnumerable<string> names, CancellationToken cancellationToken)
    {
        // Instances that never launched make lxc exit non-zero here, which is expected after a failed run.
        await Task.WhenAll(names.Select(name =>
            ProcessRunner.RunAsync("lxc", ["delete", "--force", name, "--project", project], CommandTimeout, cancellationToken)));
        await LoadRoutesAsync([], cancellationToken);
    }

    private async Task LaunchAsync(string name, int port, CancellationToken cancellationToken)
    {
        await LxcAsync(["launch", Image, name], cancellationToken);
        await LxcAsync(
            ["config", "device", "add", name, "http", "proxy", $"listen=tcp:127.0.0.1:{port}", $"connect=tcp:127.0.0.1:{BotserverPort}", "bind=host"],
            cancellationToken);
    }

    /// <summary>Loads Caddy's configuration with one server that balances over <paramref name="ports"/>, or none when empty.</summary>
    private async Task LoadRoutesAsync(IEnumerable<int> ports, CancellationToken cancellationToken)
    {
        var current = await caddy.GetAsync(CaddyConfigPath.Root, cancellationToken);
        var config = new JsonObject { ["admin"] = current.Value?["admin"]?.DeepClone() };
        var upstreams = new JsonArray([.. ports.Select(port => (JsonNode)new JsonObject { ["dial"] = $"127.0.0.1:{port}" })]);
        if (upstreams.Count > 0)
        {
            config["apps"] = new JsonObject
            {
                ["http"] = new JsonObject
                {
                    ["servers"] = new JsonObject
                    {
                        ["bench-baseline"] = new JsonObject
                        {
                            ["listen"] = new JsonArray($"127.0.0.1:{LocalPorts.Free()}"),
                            ["routes"] = new JsonArray(new JsonObject
                            {
                                ["handle"] = new JsonArray(new JsonObject { ["handler"] = "reverse_proxy", ["upstreams"] = upstreams }),
                            }),
                        },
                    },
                },
            };
        }

        await caddy.LoadAsync(config, cancellationToken);
    }

    private Task<string> LxcAsync(string[] arguments, CancellationToken cancellationToken) =>
        ProcessRunner.RunCheckedAsync("lxc", [.. arguments, "--project", project], CommandTimeout, cancellationToken);
}
