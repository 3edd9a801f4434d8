using GbOperator.ApiServer.Hosting;
using GbOperator.Controllers.Runtime;
using GbOperator.Controllers.ShardMaps;
using GbOperator.Controllers.Tests.TestSupport;
using GbOperator.Infrastructure.Lxd;
using GbOperator.Infrastructure.Postgres;
using GbOperator.Infrastructure.Qdrant;
using GbOperator.Infrastructure.Redis;
using GbOperator.Resources.BotClusters;
using GbOperator.Resources.ShardMaps;
using GbOperator.Storage.Sqlite;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;

namespace GbOperator.Controllers.Tests.ShardMaps;

/// <summary>
/// A real API server on a SQLite store in a temporary folder, and a <see cref="ShardMapReconciler"/> with the real
/// PostgreSQL, Redis, Qdrant and LXD clients, whose passes a test runs one at a time.
/// </summary>
internal sealed class ShardMapHarness : IAsyncDisposable
{
    public const string Namespace = "shards";

    private readonly string _folder;
    private readonly SqliteResourceStore _store;
    private readonly ApiServerHost _server;
    private readonly HttpClient _http;
    private readonly QdrantCollectionClient _qdrant;
    private readonly LxdClient _lxd;

    private ShardMapHarness(string folder, SqliteResourceStore store, ApiServerHost server, string lxdSocket, string lxdProject)
    {
        _folder = folder;
        _store = store;
        _server = server;
        _http = new HttpClient { BaseAddress = server.BaseAddress };
        Maps = new HttpResourceClient<ShardMap>(_http, "shardmaps");
        Clusters = new HttpResourceClient<BotCluster>(_http, "botclusters");
        _qdrant = new QdrantCollectionClient(TimeSpan.FromSeconds(5), NullLoggerFactory.Instance);
        _lxd = new LxdClient(new LxdClientOptions { SocketPath = lxdSocket }, NullLogger<LxdClient>.Instance);
        Reconciler = new ShardMapReconciler(
            Maps,
            Clusters,
            new TenantDatabaseClient(new PostgresClientOptions(), NullLogger<TenantDatabaseClient>.Instance),
            new RedisClusterInspector(TimeSpan.FromSeconds(2), NullLogger<RedisClusterInspector>.Instance),
            _qdrant,
            _lxd,
            new ShardMapReconcilerOptions { LxdProject = lxdProject },
            NullLoggerFactory.Instance,
            events: Events);
    }

    public HttpResourceClient<ShardMap> Maps { get; }

    public HttpResourceClient<BotCluster> Clusters { get; }

    public RecordingEventRecorder Events { get; } = new();

    public ShardMapReconciler Reconciler { get; }

    /// <param name="lxdSocket">LXD's socket; tests without BotClusters never call LXD, so any path does for them.</param>
    /// <param name="lxdProject">LXD project of the BotCluster instances.</param>
    public static async Task<ShardMapHarness> StartAsync(string lxdSocket = "/nonexistent/unix.socket", string lxdProject = "default")
    {
        var folder = Path.Combine(Path.GetTempPath(), $"gbo-shardmaps-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var store = new SqliteResourceStore(Path.Combine(folder, "state.db"));
        var server = await ApiServerHost.StartAsync(store, "127.0.0.1:0", null);
        return new ShardMapHarness(folder, store, server, lxdSocket, lxdProject);
    }

    /// <summary>Creates ShardMap <paramref name="name"/> with <paramref name="spec"/> and returns it as stored.</summary>
    public Task<ShardMap> CreateAsync(string name, ShardMapSpec spec) =>
        Maps.CreateAsync(new ShardMap { Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Namespace }, Spec = spec }, CancellationToken.None);

    /// <summary>Replaces the spec of ShardMap <paramref name="name"/>.</summary>
    public async Task<ShardMap> UpdateSpecAsync(string name, Func<ShardMapSpec, ShardMapSpec> change)
    {
        var current = await GetAsync(name);
        return await Maps.UpdateAsync(current with { Spec = change(current.Spec) }, CancellationToken.None);
    }

    /// <summary>Reads ShardMap <paramref name="name"/> fresh from the API server and runs one reconcile pass on it.</summary>
    public async Task<ShardMap> ReconcileAsync(string name)
    {
        var result = await Reconciler.ReconcileAsync(await GetAsync(name), CancellationToken.None);
        result.IsFailure.Should().BeFalse(result.Error);
        return await GetAsync(name);
    }

    public async Task<ShardMap> GetAsync(string name) =>
        await Maps.GetAsync(Namespace, name, CancellationToken.None) ?? throw new InvalidOperationException($"ShardMap {name} not found");

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        _qdrant.Dispose();
        _lxd.Dispose();
        await _server.DisposeAsync();
        await _store.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}
