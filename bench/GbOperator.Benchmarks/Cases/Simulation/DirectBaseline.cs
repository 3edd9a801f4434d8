using System.Text.Json.Nodes;
using GbOperator.Infrastructure.Caddy;
using GbOperator.Infrastructure.Lxd;

namespace GbOperator.Benchmarks.Cases.Simulation;

/// <summary>
/// The minimum work that converging the same clusters takes on the same simulations: per cluster, create, configure
/// and start each instance, then write one Caddy server, with no API server, informer or status.
/// </summary>
internal static class DirectBaseline
{
    /// <summary>Converges <paramref name="clusters"/> clusters of <paramref name="replicas"/> instances on new simulations.</summary>
    public static async Task RunAsync(int clusters, int replicas, CancellationToken cancellationToken)
    {
        var lxd = new SimulatedLxdClient(TimeProvider.System);
        var caddy = new SimulatedCaddyAdminClient();
        await lxd.CreateProjectAsync(SimulatedOperator.Project, "direct baseline", cancellationToken);
        int port = 30000;
        for (int cluster = 0; cluster < clusters; cluster++)
        {
            var upstreams = new JsonArray();
            for (int replica = 0; replica < replicas; replica++)
            {
                string name = $"bc-{cluster}-{replica}";
                await lxd.CreateInstanceAsync(
                    SimulatedOperator.Project,
                    new LxdInstanceSpec { Name = name, ImageAlias = "botserver-standin", Devices = new Dictionary<string, IReadOnlyDictionary<string, string>> { ["botserver"] = LxdDevices.Proxy(port, 8080) } },
                    cancellationToken);
                await lxd.PushFileAsync(SimulatedOperator.Project, name, "/opt/gbo/bin/.env", "PORT=8080\n"u8.ToArray(), LxdFileOwnership.RootReadable, cancellationToken);
                await lxd.StartInstanceAsync(SimulatedOperator.Project, name, cancellationToken);
                upstreams.Add(new JsonObject { ["dial"] = $"127.0.0.1:{port++}" });
            }

            var current = await caddy.GetAsync(CaddyConfigPath.Root, cancellationToken);
            var config = (JsonObject)current.Value!;
            var servers = (config["apps"] ??= new JsonObject { ["http"] = new JsonObject { ["servers"] = new JsonObject() } })["http"]!["servers"]!.AsObject();
            servers[$"bc-{cluster}"] = new JsonObject
            {
                ["listen"] = new JsonArray($"127.0.0.1:{10000 + cluster}"),
                ["routes"] = new JsonArray(new JsonObject { ["handle"] = new JsonArray(new JsonObject { ["handler"] = "reverse_proxy", ["upstreams"] = upstreams }) }),
            };
            await caddy.PostAsync(CaddyConfigPath.Root, config, current.ETag, cancellationToken);
        }
    }
}
