using GbOperator.ApiServer.Hosting;
using GbOperator.Controllers.Runtime;
using GbOperator.Controllers.Tests.TestSupport;
using GbOperator.Resources.BotClusters;
using GbOperator.Storage.Sqlite;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace GbOperator.Controllers.Tests.Integration;

/// <summary>
/// Runs a controller against a real in-process API server backed by a SQLite store in a temporary folder,
/// talking HTTP on 127.0.0.1 as the operator executable does.
/// </summary>
public sealed class ControllerIntegrationTests : IAsyncLifetime
{
    private const string Namespace = "integration";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"gbo-controllers-{Guid.NewGuid():N}");
    private readonly CapturingLoggerFactory _logs = new();
    private SqliteResourceStore? _store;
    private ApiServerHost? _server;
    private HttpClient? _http;
    private HttpResourceClient<BotCluster>? _client;
    private IController<BotCluster>? _controller;

    private HttpResourceClient<BotCluster> Client => _client!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _store = new SqliteResourceStore(Path.Combine(_folder, "state.db"));
        await StartServerAsync(options: null);
    }

    public async Task DisposeAsync()
    {
        await StopControllerAsync();
        await StopServerAsync();
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }

        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Controller_CreatedObject_StatusCatchesUp()
    {
        var reconciler = await StartControllerAsync();

        var created = await Client.CreateAsync(NewCluster("alpha"), CancellationToken.None);
        await WaitForObservedGenerationAsync("alpha", created.Metadata.Generation);

        created.Metadata.Generation.Should().Be(1);
        reconciler.Calls.Should().Contain($"write {Namespace}/alpha 1");
        _logs.Entries.Should().NotContain(entry => entry.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task Controller_SpecUpdated_ObservedGenerationFollows()
    {
        await StartControllerAsync();
        await Client.CreateAsync(NewCluster("alpha"), CancellationToken.None);
        await WaitForObservedGenerationAsync("alpha", 1);

        var updated = await UpdateReplicasAsync("alpha", 2);
        await WaitForObservedGenerationAsync("alpha", updated.Metadata.Generation);

        updated.Metadata.Generation.Should().Be(2);
        var stored = await Client.GetAsync(Namespace, "alpha", CancellationToken.None);
        stored!.Spec.Replicas.Should().Be(2);
    }

    [Fact]
    public async Task Controller_ManyObjects_AllConverge()
    {
        await StartControllerAsync(workers: 3);

        var names = Enumerable.Range(0, 10).Select(i => $"bulk-{i}").ToList();
        foreach (var name in names)
        {
            await Client.CreateAsync(NewCluster(name), CancellationToken.None);
        }

        foreach (var name in names)
        {
            await WaitForObservedGenerationAsync(name, 1);
        }

        var list = await Client.ListAsync(Namespace, CancellationToken.None);
        list.Items.Should().HaveCount(10).And.AllSatisfy(item => item.Status!.ObservedGeneration.Should().Be(1));
    }

    [Fact]
    public async Task Controller_ObjectDeleted_DeletedPathRuns()
    {
        var reconciler = await StartControllerAsync();
        await Client.CreateAsync(NewCluster("alpha"), CancellationToken.None);
        await WaitForObservedGenerationAsync("alpha", 1);

        var deleted = await Client.DeleteAsync(Namespace, "alpha", CancellationToken.None);
        await Wait.UntilAsync(() => reconciler.Calls.Contains($"deleted {Namespace}/alpha"), "the deleted path ran", Deadline);

        deleted.Should().BeTrue();
        _controller!.Cache.Get(new ObjectKey(Namespace, "alpha")).Should().BeNull();
        (await Client.GetAsync(Namespace, "alpha", CancellationToken.None)).Should().BeNull();
    }

    [Fact]
    public async Task Controller_ObjectWithFinalizer_FinalizedThenDeleted()
    {
        var reconciler = await StartControllerAsync();
        var cluster = NewCluster("alpha");
        cluster.Metadata.Finalizers = [ObservedGenerationReconciler.Finalizer];
        await Client.CreateAsync(cluster, CancellationToken.None);
        await WaitForObservedGenerationAsync("alpha", 1);

        await Client.DeleteAsync(Namespace, "alpha", CancellationToken.None);
        await Wait.UntilAsync(() => reconciler.Calls.Contains($"deleted {Namespace}/alpha"), "the deleted path ran", Deadline);

        reconciler.Calls.Should().Contain($"finalize {Namespace}/alpha");
        reconciler.Calls.Should().Contain($"released {Namespace}/alpha");
        (await Client.GetAsync(Namespace, "alpha", CancellationToken.None)).Should().BeNull();
    }

    [Fact]
    public async Task Controller_Restarted_ResumesFromApiServer()
    {
        await StartControllerAsync();
        await Client.CreateAsync(NewCluster("alpha"), CancellationToken.None);
        await Client.CreateAsync(NewCluster("beta"), CancellationToken.None);
        await WaitForObservedGenerationAsync("alpha", 1);
        await WaitForObservedGenerationAsync("beta", 1);

        await StopControllerAsync();
        var updated = await UpdateReplicasAsync("alpha", 3);
        await Client.CreateAsync(NewCluster("gamma"), CancellationToken.None);
        var betaBefore = await Client.GetAsync(Namespace, "beta", CancellationToken.None);
        var reconciler = await StartControllerAsync();
        await WaitForObservedGenerationAsync("alpha", updated.Metadata.Generation);
        await WaitForObservedGenerationAsync("gamma", 1);
        await Wait.UntilAsync(() => reconciler.Calls.Contains($"reconcile {Namespace}/beta 1"), "the new controller visited beta", Deadline);

        var betaAfter = await Client.GetAsync(Namespace, "beta", CancellationToken.None);
        betaAfter!.Metadata.ResourceVersion.Should().Be(betaBefore!.Metadata.ResourceVersion);
        reconciler.Calls.Should().Contain($"write {Namespace}/alpha 2");
        reconciler.Calls.Should().Contain($"write {Namespace}/gamma 1");
        reconciler.Calls.Should().NotContain(call => call.StartsWith($"write {Namespace}/beta", StringComparison.Ordinal));
        _logs.Entries.Should().NotContain(entry => entry.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task Controller_WatchRevisionCompacted_RelistsAndConverges()
    {
        // With a watch cache of two events, a watch from an older revision goes to the store, which tracks compaction.
        await StopServerAsync();
        await StartServerAsync(new ApiServerOptions { WatchCacheWindow = 2 });

        // Short server-side watch timeouts make the informer resume its watch from an old revision soon.
        var informer = new InformerOptions
        {
            Namespace = Namespace,
            WatchTimeout = TimeSpan.FromSeconds(1),
            RelistBaseDelay = TimeSpan.FromMilliseconds(100),
            RelistMaxDelay = TimeSpan.FromMilliseconds(500),
        };
        await StartControllerAsync(informer: informer);
        await Client.CreateAsync(NewCluster("alpha"), CancellationToken.None);
        await WaitForObservedGenerationAsync("alpha", 1);

        // Writes in another namespace move the store revision past the informer's last one and out of the
        // watch cache's window, and the compaction then drops that history.
        for (var i = 0; i < 5; i++)
        {
            await Client.CreateAsync(NewCluster($"other-{i}", "elsewhere"), CancellationToken.None);
        }

        await _store!.CompactAsync(await _store.GetCurrentRevisionAsync(CancellationToken.None), CancellationToken.None);
        await Wait.UntilAsync(() => _logs.Entries.Any(entry => entry.EventId.Id == 1104), "the informer saw 410 Gone", Deadline);
        await Client.CreateAsync(NewCluster("beta"), CancellationToken.None);
        await WaitForObservedGenerationAsync("beta", 1);

        _logs.Entries.Count(entry => entry.EventId.Id == 1102).Should().BeGreaterThanOrEqualTo(2);
        _controller!.Cache.ListKeys().Should().BeEquivalentTo([new ObjectKey(Namespace, "alpha"), new ObjectKey(Namespace, "beta")]);
    }

    private async Task<ObservedGenerationReconciler> StartControllerAsync(int workers = 1, InformerOptions? informer = null)
    {
        var reconciler = new ObservedGenerationReconciler(Client);
        var options = new ControllerOptions
        {
            Workers = workers,
            Informer = informer ?? new InformerOptions { Namespace = Namespace },
        };
        _controller = ControllerFactory.Create(Client, reconciler, options, _logs);
        await _controller.StartAsync(CancellationToken.None);
        await _controller.WaitForSyncAsync(CancellationToken.None).WaitAsync(Deadline);
        return reconciler;
    }

    private async Task StartServerAsync(ApiServerOptions? options)
    {
        _server = await ApiServerHost.StartAsync(_store!, "127.0.0.1:0", options);
        _http = new HttpClient { BaseAddress = _server.BaseAddress };
        _client = new HttpResourceClient<BotCluster>(_http, "botclusters");
    }

    private async Task StopServerAsync()
    {
        _http?.Dispose();
        _http = null;
        if (_server is not null)
        {
            await _server.DisposeAsync();
            _server = null;
        }
    }

    private async Task StopControllerAsync()
    {
        if (_controller is null)
        {
            return;
        }

        using var timeout = new CancellationTokenSource(Deadline);
        await _controller.StopAsync(timeout.Token);
        _controller.Dispose();
        _controller = null;
    }

    private async Task<BotCluster> UpdateReplicasAsync(string name, int replicas)
    {
        var current = await Client.GetAsync(Namespace, name, CancellationToken.None)
            ?? throw new InvalidOperationException($"BotCluster {Namespace}/{name} was not found.");
        return await Client.UpdateAsync(current with { Spec = current.Spec with { Replicas = replicas } }, CancellationToken.None);
    }

    private Task WaitForObservedGenerationAsync(string name, long? generation) =>
        Wait.UntilAsync(
            async () =>
            {
                var current = await Client.GetAsync(Namespace, name, CancellationToken.None);
                return current?.Status?.ObservedGeneration == generation;
            },
            $"status.observedGeneration of {Namespace}/{name} is {generation}",
            Deadline);

    private static BotCluster NewCluster(string name, string @namespace = Namespace) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = @namespace },
        Spec = new BotClusterSpec { Image = "botserver-standin", Replicas = 1 },
    };
}
