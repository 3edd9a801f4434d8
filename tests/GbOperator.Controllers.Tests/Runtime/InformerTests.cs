using System.Net;
using GbOperator.Controllers.Runtime;
using GbOperator.Controllers.Tests.TestSupport;
using Microsoft.Extensions.Logging;

namespace GbOperator.Controllers.Tests.Runtime;

public sealed class InformerTests : IAsyncLifetime
{
    private readonly ObservableTimeProvider _time = new();
    private readonly ScriptedResourceClient _client = new();
    private readonly RecordingHandler _handler = new();
    private readonly CapturingLoggerFactory _logs = new();
    private readonly CancellationTokenSource _stop = new();
    private Task _run = Task.CompletedTask;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        await _run.WaitAsync(Wait.DefaultTimeout);
        _stop.Dispose();
    }

    [Fact]
    public async Task RunAsync_InitialList_FillsCacheAndSyncs()
    {
        _client.Store("ns", "a");
        _client.Store("ns", "b");

        var informer = Start();
        await informer.WaitForSyncAsync(CancellationToken.None).WaitAsync(Wait.DefaultTimeout);
        await Wait.UntilAsync(() => _client.Watches.Count == 1, "the informer watches");

        informer.HasSynced.Should().BeTrue();
        informer.Cache.ListKeys().Should().BeEquivalentTo([new ObjectKey("ns", "a"), new ObjectKey("ns", "b")]);
        _handler.Events.Should().BeEquivalentTo(["add ns/a@1", "add ns/b@2"]);
        _client.LastWatch.ResourceVersion.Should().Be("2");
    }

    [Fact]
    public async Task RunAsync_WatchEvents_UpdateCache()
    {
        _client.Store("ns", "a");
        _client.Store("ns", "b");
        var informer = Start();
        await Wait.UntilAsync(() => _client.Watches.Count == 1, "the informer watches");

        _client.LastWatch.Send(WatchEventType.Added, _client.Store("ns", "c"));
        _client.LastWatch.Send(WatchEventType.Modified, _client.Store("ns", "a", generation: 2));
        _client.LastWatch.Send(WatchEventType.Deleted, _client.Remove("ns", "b"));
        await Wait.UntilAsync(() => _handler.Events.Count == 5, "the handler saw three watch events");

        _handler.Events.Skip(2).Should().Equal("add ns/c@3", "update ns/a@4", "delete ns/b@5");
        informer.Cache.Get(new ObjectKey("ns", "a"))!.Metadata.Generation.Should().Be(2);
        informer.Cache.Get(new ObjectKey("ns", "b")).Should().BeNull();
        informer.Cache.ListKeys().Should().HaveCount(2);
    }

    [Fact]
    public async Task RunAsync_Bookmark_CallsNoHandler()
    {
        _client.Store("ns", "a");
        var informer = Start();
        await Wait.UntilAsync(() => _client.Watches.Count == 1, "the informer watches");

        _client.LastWatch.Send(WatchEventType.Bookmark, Widget.Create("ns", "a", "7"));
        _client.LastWatch.Send(WatchEventType.Modified, _client.Store("ns", "a", generation: 2));
        await Wait.UntilAsync(() => _handler.Events.Count == 2, "the handler saw the update");

        _handler.Events.Should().Equal("add ns/a@1", "update ns/a@2");
        informer.Cache.Get(new ObjectKey("ns", "a"))!.Metadata.ResourceVersion.Should().Be("2");
    }

    [Fact]
    public async Task RunAsync_WatchGone_Relists()
    {
        _client.Store("ns", "a");
        _client.Store("ns", "b");
        var informer = Start();
        await Wait.UntilAsync(() => _client.Watches.Count == 1, "the informer watches");
        _client.Store("ns", "a", generation: 2);
        _client.Remove("ns", "b");
        _client.Store("ns", "c");
        var timers = _time.TimersCreated;

        _client.LastWatch.Fail(new ApiStatusException(HttpStatusCode.Gone, "Expired", "too old resource version: 2"));
        await Wait.UntilAsync(() => _time.TimersCreated > timers, "the informer waits before relisting");
        _time.Advance(TimeSpan.FromMilliseconds(200));
        await Wait.UntilAsync(() => _client.Watches.Count == 2, "the informer watches again");

        _client.ListCount.Should().Be(2);
        _client.LastWatch.ResourceVersion.Should().Be("5");
        _handler.Events.Skip(2).Should().BeEquivalentTo(["update ns/a@3", "delete ns/b@2", "add ns/c@5"]);
        informer.Cache.ListKeys().Should().BeEquivalentTo([new ObjectKey("ns", "a"), new ObjectKey("ns", "c")]);
        informer.ConsecutiveFailures.Should().Be(0);
        _logs.Entries.Should().Contain(entry => entry.EventId.Id == 1104 && entry.Level == LogLevel.Information);
    }

    [Fact]
    public async Task RunAsync_WatchDropped_RelistsAfterDelay()
    {
        _client.Store("ns", "a");
        Start(jitterSample: 0.5);
        await Wait.UntilAsync(() => _client.Watches.Count == 1, "the informer watches");
        var timers = _time.TimersCreated;

        _client.LastWatch.Fail(new HttpRequestException("connection reset"));
        await Wait.UntilAsync(() => _time.TimersCreated > timers, "the informer waits before relisting");
        _time.Advance(TimeSpan.FromMilliseconds(149));
        var listsBeforeDelay = _client.ListCount;
        _time.Advance(TimeSpan.FromMilliseconds(1));
        await Wait.UntilAsync(() => _client.Watches.Count == 2, "the informer watches again");

        listsBeforeDelay.Should().Be(1);
        _client.ListCount.Should().Be(2);
        var warning = _logs.Entries.Single(entry => entry.EventId.Id == 1106);
        warning.Level.Should().Be(LogLevel.Warning);
        warning.Properties["Delay"].Should().Be(TimeSpan.FromMilliseconds(150));
        warning.Properties["Attempt"].Should().Be(1);
    }

    [Fact]
    public async Task RunAsync_WatchTimedOut_ResumesWatch()
    {
        _client.Store("ns", "a");
        Start();
        await Wait.UntilAsync(() => _client.Watches.Count == 1, "the informer watches");
        _client.LastWatch.Send(WatchEventType.Modified, _client.Store("ns", "a", generation: 2));
        await Wait.UntilAsync(() => _handler.Events.Count == 2, "the handler saw the update");

        _client.LastWatch.Close();
        await Wait.UntilAsync(() => _client.Watches.Count == 2, "the informer watches again");

        _client.ListCount.Should().Be(1);
        _client.LastWatch.ResourceVersion.Should().Be("2");
    }

    [Fact]
    public async Task RunAsync_QuietWatchTimedOut_ResumesWatch()
    {
        _client.Store("ns", "a");
        Start();
        await Wait.UntilAsync(() => _client.Watches.Count == 1, "the informer watches");

        _time.Advance(TimeSpan.FromSeconds(30));
        _client.LastWatch.Close();
        await Wait.UntilAsync(() => _client.Watches.Count == 2, "the informer watches again");

        _client.ListCount.Should().Be(1);
        _client.LastWatch.ResourceVersion.Should().Be("1");
    }

    [Fact]
    public async Task RunAsync_WatchEndedAtOnce_Relists()
    {
        _client.Store("ns", "a");
        Start();
        await Wait.UntilAsync(() => _client.Watches.Count == 1, "the informer watches");
        var timers = _time.TimersCreated;

        _client.LastWatch.Close();
        await Wait.UntilAsync(() => _time.TimersCreated > timers, "the informer waits before relisting");
        var listsBeforeDelay = _client.ListCount;
        _time.Advance(TimeSpan.FromMilliseconds(200));
        await Wait.UntilAsync(() => _client.Watches.Count == 2, "the informer watches again");

        listsBeforeDelay.Should().Be(1);
        _client.ListCount.Should().Be(2);
        _logs.Entries.Should().Contain(entry => entry.EventId.Id == 1105);
    }

    [Theory]
    [InlineData(0.0, 300)]
    [InlineData(0.5, 450)]
    public async Task RunAsync_AnyWatch_AsksForJitteredTimeout(double sample, double expectedSeconds)
    {
        Start(jitterSample: sample);

        await Wait.UntilAsync(() => _client.Watches.Count == 1, "the informer watches");

        _client.LastWatch.Timeout.Should().Be(TimeSpan.FromSeconds(expectedSeconds));
    }

    [Fact]
    public async Task RunAsync_ListFailures_BackoffCapped()
    {
        for (var i = 0; i < 4; i++)
        {
            _client.FailNextList(new HttpRequestException("connection refused"));
        }

        var informer = Start(baseDelay: TimeSpan.FromSeconds(1), maxDelay: TimeSpan.FromSeconds(4));
        for (var failure = 1; failure <= 4; failure++)
        {
            await Wait.UntilAsync(() => _logs.Entries.Count(entry => entry.EventId.Id == 1106) == failure, $"failure {failure} is logged");
            var delay = (TimeSpan)_logs.Entries.Last(entry => entry.EventId.Id == 1106).Properties["Delay"]!;
            informer.ConsecutiveFailures.Should().Be(failure);
            _time.Advance(delay);
        }

        await informer.WaitForSyncAsync(CancellationToken.None).WaitAsync(Wait.DefaultTimeout);

        var delays = _logs.Entries.Where(entry => entry.EventId.Id == 1106).Select(entry => ((TimeSpan)entry.Properties["Delay"]!).TotalSeconds);
        delays.Should().Equal(1, 2, 4, 4);
        informer.ConsecutiveFailures.Should().Be(0);
        _client.ListCount.Should().Be(5);
    }

    [Fact]
    public async Task RunAsync_ResyncPeriod_UpdatesEveryObject()
    {
        _client.Store("ns", "a");
        _client.Store("other", "b");
        Start(resyncPeriod: TimeSpan.FromMinutes(1));
        await Wait.UntilAsync(() => _client.Watches.Count == 1, "the informer watches");

        _time.Advance(TimeSpan.FromMinutes(1));
        await Wait.UntilAsync(() => _handler.Updates.Count == 2, "the resync reached the handler");
        _time.Advance(TimeSpan.FromMinutes(1));
        await Wait.UntilAsync(() => _handler.Updates.Count == 4, "the second resync reached the handler");

        _handler.Updates.Should().AllSatisfy(update => update.Old.Should().BeSameAs(update.New));
        _handler.Events.Where(line => line.StartsWith("update", StringComparison.Ordinal))
            .Should().BeEquivalentTo(["update ns/a@1", "update other/b@2", "update ns/a@1", "update other/b@2"]);
    }

    [Fact]
    public async Task RunAsync_HandlerThrows_KeepsWatching()
    {
        _client.Store("ns", "a");
        var informer = Start(extraHandler: new ThrowingHandler());
        await Wait.UntilAsync(() => _client.Watches.Count == 1, "the informer watches");

        _client.LastWatch.Send(WatchEventType.Added, _client.Store("ns", "b"));
        await Wait.UntilAsync(() => _handler.Events.Count == 2, "the recording handler saw the new object");

        informer.Cache.ListKeys().Should().HaveCount(2);
        _logs.Entries.Where(entry => entry.EventId.Id == 1107).Should().HaveCount(2)
            .And.AllSatisfy(entry => entry.Level.Should().Be(LogLevel.Error));
    }

    [Fact]
    public async Task RunAsync_Cancelled_ReturnsWithoutThrowing()
    {
        var informer = Start();
        await Wait.UntilAsync(() => _client.Watches.Count == 1, "the informer watches");

        await _stop.CancelAsync();

        await _run.WaitAsync(Wait.DefaultTimeout);
        informer.IsRunning.Should().BeFalse();
        _logs.Entries.Should().Contain(entry => entry.EventId.Id == 1101);
    }

    private Informer<Widget> Start(
        TimeSpan? baseDelay = null,
        TimeSpan? maxDelay = null,
        TimeSpan? resyncPeriod = null,
        double jitterSample = 0,
        IResourceEventHandler<Widget>? extraHandler = null)
    {
        var options = new InformerOptions
        {
            RelistBaseDelay = baseDelay ?? TimeSpan.FromMilliseconds(200),
            RelistMaxDelay = maxDelay ?? TimeSpan.FromSeconds(30),
            RelistJitter = 0.5,
            ResyncPeriod = resyncPeriod ?? TimeSpan.Zero,
        };
        var informer = new Informer<Widget>(_client, options, _time, new FixedRandom(jitterSample), _logs.CreateLogger<Informer<Widget>>());
        if (extraHandler is not null)
        {
            informer.AddEventHandler(extraHandler);
        }

        informer.AddEventHandler(_handler);
        _run = Task.Run(() => informer.RunAsync(_stop.Token));
        return informer;
    }

    private sealed class ThrowingHandler : IResourceEventHandler<Widget>
    {
        public void OnAdd(Widget resource) => throw new InvalidOperationException("handler failure");

        public void OnUpdate(Widget oldResource, Widget newResource) => throw new InvalidOperationException("handler failure");

        public void OnDelete(Widget lastKnown) => throw new InvalidOperationException("handler failure");
    }
}
