using GbOperator.Controllers.Runtime;
using GbOperator.Controllers.Tests.TestSupport;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace GbOperator.Controllers.Tests.Runtime;

public sealed class ControllerTests : IAsyncLifetime
{
    private static readonly ObjectKey KeyA = new("ns", "a");

    private readonly ObservableTimeProvider _time = new();
    private readonly ScriptedResourceClient _client = new();
    private readonly ScriptedReconciler _reconciler = new();
    private readonly CapturingLoggerFactory _logs = new();
    private IController<Widget>? _controller;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_controller is not null)
        {
            using var timeout = new CancellationTokenSource(Wait.DefaultTimeout);
            await _controller.StopAsync(timeout.Token);
            _controller.Dispose();
        }
    }

    [Fact]
    public async Task Reconcile_NewObject_CalledWithCachedObject()
    {
        _client.Store("ns", "a");

        await StartAsync();
        await Wait.UntilAsync(() => _reconciler.Calls.Count == 1, "the reconciler ran");

        _reconciler.Calls.Should().Equal("reconcile ns/a@1");
        _controller!.GetHealth().HasSynced.Should().BeTrue();
    }

    [Fact]
    public async Task Reconcile_Throws_RetriesWithBackoff()
    {
        _client.Store("ns", "a");
        _reconciler.Behavior = (_, _, call, _) => call <= 2
            ? throw new InvalidOperationException($"failure {call}")
            : Task.FromResult(ReconcileResult.Done());

        await StartAsync();
        await WaitForLogAsync(1212, 1);
        _time.Advance(TimeSpan.FromSeconds(1));
        await WaitForLogAsync(1212, 2);
        _time.Advance(TimeSpan.FromSeconds(2));
        await Wait.UntilAsync(() => _reconciler.Calls.Count == 3, "the third pass ran");
        await Wait.UntilAsync(() => _logs.Entries.Any(entry => entry.EventId.Id == 1210), "the third pass is logged");

        var warnings = _logs.Entries.Where(entry => entry.EventId.Id == 1212).ToList();
        warnings.Should().AllSatisfy(entry => entry.Level.Should().Be(LogLevel.Warning));
        warnings.Select(entry => entry.Properties["Attempt"]).Should().Equal(1, 2);
        warnings.Select(entry => entry.Properties["Delay"]).Should().Equal(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));
        warnings.Should().AllSatisfy(entry => entry.Properties["MaxRetries"].Should().Be(5));
        warnings[0].Exception.Should().BeOfType<InvalidOperationException>().Which.Message.Should().Be("failure 1");
    }

    [Fact]
    public async Task Reconcile_AnyPass_LogsReconcileScope()
    {
        _client.Store("ns", "a");
        _reconciler.Behavior = (_, _, call, _) => call == 1
            ? throw new InvalidOperationException("failure")
            : Task.FromResult(ReconcileResult.Done());

        await StartAsync();
        await WaitForLogAsync(1212, 1);
        _time.Advance(TimeSpan.FromSeconds(1));
        await Wait.UntilAsync(() => _logs.Entries.Any(entry => entry.EventId.Id == 1210), "the second pass is logged");

        var scopes = _logs.Entries.Where(entry => entry.EventId.Id is 1212 or 1210).Select(entry => entry.Scope).ToList();
        scopes.Should().HaveCount(2);
        scopes.Should().AllSatisfy(scope =>
        {
            scope["Kind"].Should().Be("Widget");
            scope["Namespace"].Should().Be("ns");
            scope["Name"].Should().Be("a");
            scope["ResourceVersion"].Should().Be("1");
            scope["ReconcileId"].Should().BeOfType<string>().Which.Should().HaveLength(32);
        });
        scopes[0]["ReconcileId"].Should().NotBe(scopes[1]["ReconcileId"]);
    }

    [Fact]
    public async Task Reconcile_NonTerminalFailure_RetriedWithWarning()
    {
        _client.Store("ns", "a");
        _reconciler.Behavior = (_, _, call, _) => Task.FromResult(call == 1
            ? ReconcileResult.Failure("LXD is not reachable")
            : ReconcileResult.Done());

        await StartAsync();
        await WaitForLogAsync(1213, 1);
        _time.Advance(TimeSpan.FromSeconds(1));
        await Wait.UntilAsync(() => _reconciler.Calls.Count == 2, "the retry ran");

        var warning = _logs.Entries.Single(entry => entry.EventId.Id == 1213);
        warning.Level.Should().Be(LogLevel.Warning);
        warning.Properties["Error"].Should().Be("LXD is not reachable");
        warning.Properties["Attempt"].Should().Be(1);
    }

    [Fact]
    public async Task Reconcile_TerminalFailure_NotRetried()
    {
        _client.Store("ns", "a");
        _reconciler.Behavior = (_, _, _, _) => Task.FromResult(ReconcileResult.Failure("spec.replicas is negative", terminal: true));

        await StartAsync();
        await WaitForLogAsync(1216, 1);
        _time.Advance(TimeSpan.FromMinutes(30));

        _reconciler.Calls.Should().HaveCount(1);
        _logs.Entries.Single(entry => entry.EventId.Id == 1216).Level.Should().Be(LogLevel.Error);
        _logs.Entries.Should().NotContain(entry => entry.Level == LogLevel.Warning);
    }

    [Fact]
    public async Task Reconcile_MaxRetriesExceeded_GivesUpAtError()
    {
        _client.Store("ns", "a");
        _reconciler.Behavior = (_, _, _, _) => throw new InvalidOperationException("always fails");

        await StartAsync(maxRetries: 2);
        await WaitForLogAsync(1212, 1);
        _time.Advance(TimeSpan.FromSeconds(1));
        await WaitForLogAsync(1212, 2);
        _time.Advance(TimeSpan.FromSeconds(2));
        await WaitForLogAsync(1214, 1);
        _time.Advance(TimeSpan.FromMinutes(30));

        _reconciler.Calls.Should().HaveCount(3);
        var giveUp = _logs.Entries.Single(entry => entry.EventId.Id == 1214);
        giveUp.Level.Should().Be(LogLevel.Error);
        giveUp.Exception.Should().BeOfType<InvalidOperationException>();
    }

    [Fact]
    public async Task Reconcile_RequeueAfter_RunsAgainOnlyAfterDelay()
    {
        _client.Store("ns", "a");
        _reconciler.Behavior = (_, _, call, _) => Task.FromResult(call == 1
            ? ReconcileResult.RequeueAfter(TimeSpan.FromSeconds(30))
            : ReconcileResult.Done());

        await StartAsync();
        await WaitForLogAsync(1211, 1);
        _time.Advance(TimeSpan.FromSeconds(29));
        var callsBeforeDelay = _reconciler.Calls.Count;
        _time.Advance(TimeSpan.FromSeconds(1));
        await Wait.UntilAsync(() => _reconciler.Calls.Count == 2, "the requeued pass ran");

        callsBeforeDelay.Should().Be(1);
    }

    [Fact]
    public async Task Reconcile_DeletionTimestampSet_CallsFinalize()
    {
        _client.Store("ns", "a");
        await StartAsync();
        await Wait.UntilAsync(() => _reconciler.Calls.Count == 1, "the first pass ran");

        var terminating = Widget.Create("ns", "a", "2") with { };
        terminating.Metadata.DeletionTimestamp = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        terminating.Metadata.Finalizers = ["generalbots.ai/cleanup"];
        _client.LastWatch.Send(WatchEventType.Modified, terminating);
        await Wait.UntilAsync(() => _reconciler.Calls.Count == 2, "the finalize pass ran");

        _reconciler.Calls[1].Should().Be("finalize ns/a@2");
    }

    [Fact]
    public async Task Reconcile_ObjectDeleted_CallsDeletedWithKey()
    {
        _client.Store("ns", "a");
        await StartAsync();
        await Wait.UntilAsync(() => _reconciler.Calls.Count == 1, "the first pass ran");

        _client.LastWatch.Send(WatchEventType.Deleted, _client.Remove("ns", "a"));
        await Wait.UntilAsync(() => _reconciler.Calls.Count == 2, "the deleted pass ran");

        _reconciler.Calls[1].Should().Be("deleted ns/a");
    }

    [Fact]
    public async Task Reconcile_ChangeDuringPass_RunsAfterPass()
    {
        _client.Store("ns", "a");
        var release = new TaskCompletionSource<ReconcileResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        _reconciler.Behavior = (_, _, call, _) => call == 1 ? release.Task : Task.FromResult(ReconcileResult.Done());

        await StartAsync(workers: 4);
        await Wait.UntilAsync(() => _reconciler.Calls.Count == 1, "the first pass started");
        _client.LastWatch.Send(WatchEventType.Modified, _client.Store("ns", "a", generation: 2));
        _client.LastWatch.Send(WatchEventType.Modified, _client.Store("ns", "a", generation: 3));
        await Wait.UntilAsync(() => _controller!.Cache.Get(KeyA)!.Metadata.ResourceVersion == "3", "the cache holds the change");
        var callsWhileBlocked = _reconciler.Calls.Count;
        release.SetResult(ReconcileResult.Done());
        await Wait.UntilAsync(() => _reconciler.Calls.Count == 2, "the second pass ran");

        callsWhileBlocked.Should().Be(1);
        _reconciler.Calls.Should().Equal("reconcile ns/a@1", "reconcile ns/a@3");
        _reconciler.MaxInFlightPerKey.Should().Be(1);
    }

    [Fact]
    public async Task Reconcile_ManyKeys_BoundedByWorkers()
    {
        _client.Store("ns", "a");
        _client.Store("ns", "b");
        _client.Store("ns", "c");
        var release = new TaskCompletionSource<ReconcileResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        _reconciler.Behavior = (_, _, _, _) => release.Task;

        await StartAsync(workers: 2);
        await Wait.UntilAsync(() => _reconciler.Calls.Count == 2, "two passes started");
        var processing = _controller!.GetHealth().Processing;
        var queued = _controller.GetHealth().QueueLength;
        release.SetResult(ReconcileResult.Done());
        await Wait.UntilAsync(() => _reconciler.Calls.Count == 3, "the third pass ran");

        processing.Should().Be(2);
        queued.Should().Be(1);
    }

    [Fact]
    public async Task StopAsync_PassInFlight_WaitsForPass()
    {
        _client.Store("ns", "a");
        var release = new TaskCompletionSource<ReconcileResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var cancelled = false;
        _reconciler.Behavior = async (_, _, _, token) =>
        {
            var result = await release.Task;
            cancelled = token.IsCancellationRequested;
            return result;
        };
        await StartAsync();
        await Wait.UntilAsync(() => _reconciler.Calls.Count == 1, "the pass started");

        var stop = _controller!.StopAsync(CancellationToken.None);
        await Wait.UntilAsync(() => _logs.Entries.Any(entry => entry.EventId.Id == 1202), "the controller is stopping");
        var stoppedBeforeRelease = stop.IsCompleted;
        release.SetResult(ReconcileResult.Done());
        await stop.WaitAsync(Wait.DefaultTimeout);

        stoppedBeforeRelease.Should().BeFalse();
        cancelled.Should().BeFalse();
        _controller.GetHealth().IsStarted.Should().BeFalse();
    }

    [Fact]
    public async Task StopAsync_DrainTimeout_CancelsPass()
    {
        _client.Store("ns", "a");
        _reconciler.Behavior = async (_, _, _, token) =>
        {
            await Task.Delay(Timeout.Infinite, token);
            return ReconcileResult.Done();
        };
        await StartAsync();
        await Wait.UntilAsync(() => _reconciler.Calls.Count == 1, "the pass started");

        using var shutdownTimeout = new CancellationTokenSource();
        var stop = _controller!.StopAsync(shutdownTimeout.Token);
        await shutdownTimeout.CancelAsync();
        await stop.WaitAsync(Wait.DefaultTimeout);

        _logs.Entries.Should().Contain(entry => entry.EventId.Id == 1203 && entry.Level == LogLevel.Warning);
        _logs.Entries.Should().Contain(entry => entry.EventId.Id == 1217);
        _logs.Entries.Should().NotContain(entry => entry.Level == LogLevel.Error);
    }

    [Fact]
    public async Task StartAsync_SecondCall_Throws()
    {
        await StartAsync();

        var second = () => _controller!.StartAsync(CancellationToken.None);

        await second.Should().ThrowAsync<InvalidOperationException>();
    }

    private async Task StartAsync(int workers = 1, int maxRetries = 5)
    {
        var options = new ControllerOptions
        {
            Workers = workers,
            MaxRetries = maxRetries,
            Queue = new WorkQueueOptions { BaseDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(8), Jitter = 0 },
            Informer = new InformerOptions { ResyncPeriod = TimeSpan.Zero },
        };
        _controller = ControllerFactory.Create(_client, _reconciler, options, _logs, _time, new FixedRandom(0));
        await _controller.StartAsync(CancellationToken.None);
    }

    private Task WaitForLogAsync(int eventId, int count) =>
        Wait.UntilAsync(() => _logs.Entries.Count(entry => entry.EventId.Id == eventId) >= count, $"{count} log entries with event id {eventId} exist");
}
