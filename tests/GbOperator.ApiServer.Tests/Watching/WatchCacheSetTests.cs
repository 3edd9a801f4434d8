using System.Text;
using GbOperator.ApiServer.Hosting;
using GbOperator.ApiServer.Watching;
using GbOperator.Resources;
using GbOperator.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace GbOperator.ApiServer.Tests.Watching;

/// <summary>Watches that start before the cache's window, served by a direct store watch.</summary>
public sealed class WatchCacheSetTests : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "gbo-watchcacheset-tests-" + Guid.NewGuid().ToString("N"));
    private IResourceStore _store = null!;
    private WatchCacheSet _caches = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        _store = ResourceStoreFactory.Open("sqlite://" + Path.Combine(_directory, "state.db"));
        _caches = new WatchCacheSet(_store, new ApiServerOptions { WatchCacheWindow = 1 }, TimeProvider.System, NullLogger<WatchCacheSet>.Instance);
        await _caches.StartAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _caches.StopAsync(CancellationToken.None);
        await _caches.DisposeAsync();
        await _store.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Subscribe_BeforeWindow_ReplaysFromStore()
    {
        using var live = await _caches.SubscribeAsync(ResourceCatalog.BotClusters, null, WatchFilter.Everything, CancellationToken.None);
        var first = await CreateAsync("first");
        await CreateAsync("second");
        await CreateAsync("third");
        for (var index = 0; index < 3; index++)
        {
            await ReadAsync(live);
        }

        using var replay = await _caches.SubscribeAsync(ResourceCatalog.BotClusters, first - 1, WatchFilter.Everything, CancellationToken.None);
        var names = new List<string>();
        for (var index = 0; index < 3; index++)
        {
            names.Add(Name(await ReadAsync(replay)));
        }

        names.Should().Equal("first", "second", "third");
    }

    [Fact]
    public async Task Subscribe_CompactedRevision_TerminatesAsTooOld()
    {
        using var live = await _caches.SubscribeAsync(ResourceCatalog.BotClusters, null, WatchFilter.Everything, CancellationToken.None);
        var first = await CreateAsync("first");
        await CreateAsync("second");
        await ReadAsync(live);
        await ReadAsync(live);
        await _store.CompactAsync(await _store.GetCurrentRevisionAsync(CancellationToken.None), CancellationToken.None);

        using var replay = await _caches.SubscribeAsync(ResourceCatalog.BotClusters, first - 1, WatchFilter.Everything, CancellationToken.None);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var more = await replay.Events.WaitToReadAsync(timeout.Token);

        more.Should().BeFalse();
        replay.TerminationMessage.Should().StartWith($"too old resource version: {first - 1}");
    }

    private static async Task<DeliveredEvent> ReadAsync(Watcher watcher)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await watcher.Events.ReadAsync(timeout.Token);
    }

    private static string Name(DeliveredEvent change) =>
        System.Text.Json.Nodes.JsonNode.Parse(change.ObjectJson)!["metadata"]!["name"]!.GetValue<string>();

    private Task<long> CreateAsync(string name)
    {
        var json = $$$"""{"apiVersion":"generalbots.ai/v1alpha1","kind":"BotCluster","metadata":{"name":"{{{name}}}","namespace":"default"}}""";
        return _store.CreateAsync(ResourceCatalog.BotClusters.Key("default", name), Encoding.UTF8.GetBytes(json), CancellationToken.None);
    }
}
