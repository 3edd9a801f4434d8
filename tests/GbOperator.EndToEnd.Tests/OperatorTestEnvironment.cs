using System.Net.Http.Json;
using System.Text.Json.Nodes;
using GbOperator.ApiServer.Hosting;
using GbOperator.Controllers.BotClusters;
using GbOperator.Controllers.Runtime;
using GbOperator.Infrastructure.Caddy;
using GbOperator.Infrastructure.Lxd;
using GbOperator.Infrastructure.Tests;
using GbOperator.Resources;
using GbOperator.Resources.BotClusters;
using GbOperator.Resources.FailoverPolicies;
using GbOperator.Storage;
using k8s.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GbOperator.EndToEnd.Tests;

/// <summary>
/// One test's operator: an API server on a SQLite file, the BotCluster controller in its own LXD project, and
/// clients to inspect LXD and Caddy. Disposing deletes every instance, the project, the Caddy servers of the
/// test's clusters and the store.
/// </summary>
internal sealed class OperatorTestEnvironment : IAsyncDisposable
{
    private readonly EndToEndFixture _services;
    private readonly string _folder;
    private readonly IResourceStore _store;
    private readonly ApiServerHost _apiServer;
    private readonly HttpClient _apiClient;
    private readonly List<string> _caddyIds = [];

    private OperatorTestEnvironment(EndToEndFixture services, string folder, IResourceStore store, ApiServerHost apiServer, string project)
    {
        _services = services;
        _folder = folder;
        _store = store;
        _apiServer = apiServer;
        Project = project;
        _apiClient = new HttpClient { BaseAddress = apiServer.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        Clusters = new HttpResourceClient<BotCluster>(_apiClient, ResourceCatalog.BotClusters.Plural);
        Policies = new HttpResourceClient<FailoverPolicy>(_apiClient, ResourceCatalog.FailoverPolicies.Plural);
        Lxd = new LxdClient(new LxdClientOptions { SocketPath = services.LxdSocket });
        Caddy = new CaddyAdminClient(new CaddyAdminClientOptions { AdminUrl = services.CaddyAdminUrl });
    }

    public string Project { get; }

    /// <summary>Base address of the test's API server.</summary>
    public Uri ApiServer => _apiServer.BaseAddress;

    public IResourceClient<BotCluster> Clusters { get; }

    public IResourceClient<FailoverPolicy> Policies { get; }

    public LxdClient Lxd { get; }

    public CaddyAdminClient Caddy { get; }

    public BotClusterControllerHost? Controllers { get; private set; }

    public static async Task<OperatorTestEnvironment> StartAsync(EndToEndFixture services)
    {
        string folder = Directory.CreateTempSubdirectory("gbo-e2e-").FullName;
        var store = ResourceStoreFactory.Open($"sqlite://{folder}/state.db", NullLoggerFactory.Instance);
        var apiServer = await ApiServerHost.StartAsync(
            store,
            options: new ApiServerOptions { ConfigureBuilder = builder => builder.Logging.ClearProviders() });
        string project = $"gbe-{Guid.NewGuid():N}"[..12];
        var environment = new OperatorTestEnvironment(services, folder, store, apiServer, project);
        await environment.StartControllersAsync();
        return environment;
    }

    public async Task StartControllersAsync()
    {
        Controllers = await BotClusterControllerHost.StartAsync(
            new BotClusterControllerSettings
            {
                ApiServer = _apiServer.BaseAddress,
                LxdSocket = _services.LxdSocket,
                CaddyAdminUrl = _services.CaddyAdminUrl,
                Reconciler = new BotClusterReconcilerOptions { LxdProject = Project },
            },
            NullLoggerFactory.Instance,
            CancellationToken.None);
    }

    public async Task StopControllersAsync()
    {
        if (Controllers is not null)
        {
            await Controllers.DisposeAsync();
            Controllers = null;
        }
    }

    /// <summary>A stand-in cluster checked on /health, which passes without a database.</summary>
    public BotCluster NewCluster(string name, int replicas, int listenPort) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "default" },
        Spec = new BotClusterSpec
        {
            Image = "botserver-standin",
            Replicas = replicas,
            Port = 8080,
            Limits = new ContainerLimits { Cpu = "1", Memory = "256MiB" },
            HealthCheck = new HealthCheckSpec { Path = "/health", Interval = "2s", Timeout = "2s", Retries = 2 },
            DrainTimeout = "20s",
            Routing = new RoutingSpec { ListenAddress = $"127.0.0.1:{listenPort}" },
        },
    };

    public async Task<BotCluster> CreateAsync(BotCluster cluster)
    {
        TrackCaddyServer(cluster.Metadata.NamespaceProperty, cluster.Metadata.Name);
        return await Clusters.CreateAsync(cluster, CancellationToken.None);
    }

    /// <summary>Removes the Caddy server of a cluster that something else creates, such as a GitRepository, on dispose.</summary>
    public void TrackCaddyServer(string @namespace, string name) => _caddyIds.Add(CaddyServerBuilder.ServerId(@namespace, name));

    /// <summary>Changes the spec, retrying when the controller wrote the object in between.</summary>
    public async Task UpdateSpecAsync(string name, Func<BotClusterSpec, BotClusterSpec> change)
    {
        for (int attempt = 0; ; attempt++)
        {
            var current = await Clusters.GetAsync("default", name, CancellationToken.None)
                ?? throw new InvalidOperationException($"BotCluster default/{name} not found.");
            try
            {
                await Clusters.UpdateAsync(current with { Spec = change(current.Spec) }, CancellationToken.None);
                return;
            }
            catch (ApiStatusException exception) when (exception.IsConflict && attempt < 10)
            {
            }
        }
    }

    public async Task<BotCluster> WaitForStatusAsync(string name, Func<BotCluster, bool> condition, TimeSpan timeout, string description)
    {
        BotCluster? cluster = null;
        await Wait.UntilAsync(
            async () =>
            {
                cluster = await Clusters.GetAsync("default", name, CancellationToken.None);
                return cluster is not null && condition(cluster);
            },
            timeout,
            description);
        return cluster!;
    }

    /// <summary>Returns the reasons of the events recorded about BotCluster default/<paramref name="name"/>, oldest first.</summary>
    public async Task<IReadOnlyList<string>> ListEventReasonsAsync(string name)
    {
        var list = await _apiClient.GetFromJsonAsync<JsonObject>(
            $"/api/v1/namespaces/default/events?fieldSelector={Uri.EscapeDataString($"involvedObject.kind=BotCluster,involvedObject.name={name}")}");
        return list!["items"]!.AsArray()
            .OrderBy(item => item!["lastTimestamp"]!.GetValue<string>(), StringComparer.Ordinal)
            .Select(item => item!["reason"]!.GetValue<string>())
            .ToList();
    }

    /// <summary>Returns the reasons and messages of the events about BotCluster default/<paramref name="name"/>, oldest first.</summary>
    public async Task<IReadOnlyList<(string Reason, string Message)>> ListEventsAsync(string name)
    {
        var list = await _apiClient.GetFromJsonAsync<JsonObject>(
            $"/api/v1/namespaces/default/events?fieldSelector={Uri.EscapeDataString($"involvedObject.kind=BotCluster,involvedObject.name={name}")}");
        return list!["items"]!.AsArray()
            .OrderBy(item => item!["lastTimestamp"]!.GetValue<string>(), StringComparer.Ordinal)
            .Select(item => (item!["reason"]!.GetValue<string>(), item!["message"]!.GetValue<string>()))
            .ToList();
    }

    /// <summary>Returns the Prometheus text that gb-operator serves on /metrics for this environment's controllers.</summary>
    public async Task<string> ExportMetricsAsync()
    {
        using var stream = new MemoryStream();
        await Controllers!.Metrics.ExportAsync(stream, CancellationToken.None);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Returns the messages of the events with <paramref name="reason"/> about BotCluster default/<paramref name="name"/>, oldest first.</summary>
    public async Task<IReadOnlyList<string>> ListEventMessagesAsync(string name, string reason)
    {
        var list = await _apiClient.GetFromJsonAsync<JsonObject>(
            $"/api/v1/namespaces/default/events?fieldSelector={Uri.EscapeDataString($"involvedObject.kind=BotCluster,involvedObject.name={name},reason={reason}")}");
        return list!["items"]!.AsArray()
            .OrderBy(item => item!["lastTimestamp"]!.GetValue<string>(), StringComparer.Ordinal)
            .Select(item => item!["message"]!.GetValue<string>())
            .ToList();
    }

    public static bool IsReady(BotCluster cluster, int replicas) =>
        cluster.Status is { } status
        && status.ReadyReplicas == replicas
        && status.CurrentReplicas == replicas
        && status.Instances.Count == replicas
        && status.Conditions?.Any(condition => condition.Type == "Ready" && condition.Status == "True") == true
        && status.ObservedGeneration == cluster.Metadata.Generation;

    public async Task<IReadOnlyList<LxdInstance>> ListInstancesAsync() =>
        await Lxd.ListInstancesAsync(Project, includeState: false, CancellationToken.None);

    /// <summary>Returns the Caddy server of a cluster, or <c>null</c> when Caddy has none.</summary>
    public async Task<JsonNode?> GetCaddyServerAsync(string name)
    {
        var root = await Caddy.GetAsync(CaddyConfigPath.Root, CancellationToken.None);
        return root.Value?["apps"]?["http"]?["servers"]?[CaddyServerBuilder.ServerId("default", name)];
    }

    public async ValueTask DisposeAsync()
    {
        await StopControllersAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        if (await Lxd.ProjectExistsAsync(Project, timeout.Token))
        {
            foreach (var instance in await Lxd.ListInstancesAsync(Project, includeState: false, timeout.Token))
            {
                await Lxd.StopInstanceAsync(Project, instance.Name, TimeSpan.FromSeconds(5), timeout.Token);
                await Lxd.DeleteInstanceAsync(Project, instance.Name, timeout.Token);
            }

            await Lxd.DeleteProjectAsync(Project, timeout.Token);
        }

        var root = await Caddy.GetAsync(CaddyConfigPath.Root, timeout.Token);
        if (root.Value?["apps"]?["http"]?["servers"] is JsonObject servers && _caddyIds.Any(servers.ContainsKey))
        {
            var updated = (JsonObject)root.Value.DeepClone();
            var updatedServers = (JsonObject)updated["apps"]!["http"]!["servers"]!;
            foreach (string id in _caddyIds)
            {
                updatedServers.Remove(id);
            }

            await Caddy.PostAsync(CaddyConfigPath.Root, updated, root.ETag, timeout.Token);
        }

        _apiClient.Dispose();
        Lxd.Dispose();
        Caddy.Dispose();
        await _apiServer.DisposeAsync();
        await _store.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}
