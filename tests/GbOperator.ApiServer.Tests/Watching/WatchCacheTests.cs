using System.Text;
using GbOperator.ApiServer.Hosting;
using GbOperator.ApiServer.Tests.Infrastructure;
using GbOperator.ApiServer.Watching;
using GbOperator.Resources;
using GbOperator.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace GbOperator.ApiServer.Tests.Watching;

public sealed class WatchCacheTests : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "gbo-watchcache-tests-" + Guid.NewGuid().ToString("N"));
    private readonly CancellationTokenSource _stopping = new();
    private IResourceStore _store = null!;

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        _store = ResourceStoreFactory.Open("sqlite://" + Path.Combine(_directory, "state.db"));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _store.DisposeAsync();
        _stopping.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task SlowWatcher_QueueFull_IsDropped()
    {
        var cache = StartCache(new ApiServerOptions { WatcherQueueCapacity = 2 });
        using var slow = (await cache.SubscribeAsync(null, WatchFilter.Everything, CancellationToken.None))!;
        using var fast = (await cache.SubscribeAsync(null, WatchFilter.Everything, CancellationToken.None))!;
        var received = new List<DeliveredEvent>();

        for (var index = 0; index < 5; index++)
        {
            await CreateAsync("bot-" + index);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            received.Add(await fast.Events.ReadAsync(timeout.Token));
        }

        await Wait.UntilAsync(() => Task.FromResult(slow.TerminationMessage is not null), TimeSpan.FromSeconds(10), "the slow watcher is dropped");
        received.Select(change => change.Type).Should().Equal(Enumerable.Repeat(WatchEventTypes.Added, 5));
        cache.WatcherCount.Should().Be(1);
    }

    [Fact]
    public async Task Subscribe_RevisionBeforeWindow_ReturnsNull()
    {
        var cache = StartCache(new ApiServerOptions { WatchCacheWindow = 2 });
        await cache.SubscribeAsync(null, WatchFilter.Everything, CancellationToken.None);
        var first = await CreateAsync("first");
        for (var index = 0; index < 3; index++)
        {
            await CreateAsync("later-" + index);
        }

        var last = await _store.GetCurrentRevisionAsync(CancellationToken.None);
        Watcher? recent = null;
        await Wait.UntilAsync(
            async () =>
            {
                recent?.Dispose();
                recent = await cache.SubscribeAsync(last - 1, WatchFilter.Everything, CancellationToken.None);
                return recent is not null && await recent.Events.WaitToReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5));
            },
            TimeSpan.FromSeconds(10),
            "the cache has applied the last change");
        var old = await cache.SubscribeAsync(first - 1, WatchFilter.Everything, CancellationToken.None);

        old.Should().BeNull();
        recent!.Events.TryRead(out var replayed).Should().BeTrue();
        replayed!.Revision.Should().Be(last);
        recent.Dispose();
    }

    [Fact]
    public async Task Subscribe_ReplayLargerThanQueue_DeliversAll()
    {
        var cache = StartCache(new ApiServerOptions { WatcherQueueCapacity = 2 });
        using var live = (await cache.SubscribeAsync(null, WatchFilter.Everything, CancellationToken.None))!;
        var first = await CreateAsync("bot-0");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await live.Events.ReadAsync(timeout.Token);
        for (var index = 1; index < 5; index++)
        {
            await CreateAsync("bot-" + index);
            await live.Events.ReadAsync(timeout.Token);
        }

        using var replay = (await cache.SubscribeAsync(first - 1, WatchFilter.Everything, CancellationToken.None))!;
        var replayed = new List<DeliveredEvent>();
        while (replay.Events.TryRead(out var change))
        {
            replayed.Add(change);
        }

        replayed.Should().HaveCount(5);
        replay.TerminationMessage.Should().BeNull();
    }

    private WatchCache StartCache(ApiServerOptions options)
    {
        var cache = new WatchCache(ResourceCatalog.BotClusters, _store, options, TimeProvider.System, NullLogger.Instance);
        _ = cache.RunAsync(_stopping.Token);
        return cache;
    }

    private Task<long> CreateAsync(string name)
    {
        var json = $$$"""{"apiVersion":"generalbots.ai/v1alpha1","kind":"BotCluster","metadata":{"name":"{{{name}}}","namespace":"default"}}""";
        return _store.CreateAsync(ResourceCatalog.BotClusters.Key("default", name), Encoding.UTF8.GetBytes(json), CancellationToken.None);
    }
}
