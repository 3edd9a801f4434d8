using GbOperator.Controllers.Runtime;
using GbOperator.Controllers.Tests.TestSupport;

namespace GbOperator.Controllers.Tests.Runtime;

public sealed class RelatedWatchTests : IAsyncLifetime
{
    private static readonly ObjectKey Owner = new("ns", "owner");

    private readonly ObservableTimeProvider _time = new();
    private readonly ScriptedResourceClient _owners = new();
    private readonly ScriptedResourceClient _related = new();
    private readonly ScriptedReconciler _reconciler = new();
    private readonly CapturingLoggerFactory _logs = new();
    private readonly List<string> _mapped = [];
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
    public async Task RelatedChange_EnqueuesMappedKey()
    {
        _owners.Store("ns", "owner");
        _related.Store("ns", "policy");
        await StartAsync();
        await Wait.UntilAsync(() => _related.Watches.Count == 1 && IsIdle(), "the first passes finished and the related watch is open");
        int passesBefore = _reconciler.Calls.Count;

        _related.LastWatch.Send(WatchEventType.Modified, _related.Store("ns", "policy"));

        await Wait.UntilAsync(() => _reconciler.Calls.Count == passesBefore + 1, "the owner is reconciled again");
        _reconciler.Calls[^1].Should().Be("reconcile ns/owner@1");
        MappedNames().Should().Contain("policy");
    }

    [Fact]
    public async Task RelatedDelete_EnqueuesMappedKey()
    {
        _owners.Store("ns", "owner");
        _related.Store("ns", "policy");
        await StartAsync();
        await Wait.UntilAsync(() => _related.Watches.Count == 1 && IsIdle(), "the first passes finished and the related watch is open");
        int passesBefore = _reconciler.Calls.Count;

        _related.LastWatch.Send(WatchEventType.Deleted, _related.Remove("ns", "policy"));

        await Wait.UntilAsync(() => _reconciler.Calls.Count == passesBefore + 1, "the owner is reconciled again");
    }

    [Fact]
    public async Task RelatedListFails_WorkersWait()
    {
        _owners.Store("ns", "owner");
        _related.FailNextList(new HttpRequestException("connection refused"));
        await StartAsync();
        await Wait.UntilAsync(() => _owners.Watches.Count == 1 && _related.ListCount == 1, "the owner informer synced and the related list failed");

        _controller!.GetHealth().HasSynced.Should().BeFalse();
        _controller.GetHealth().ConsecutiveListFailures.Should().Be(1);
        _reconciler.Calls.Should().BeEmpty();

        _time.Advance(TimeSpan.FromSeconds(1));
        await Wait.UntilAsync(() => _reconciler.Calls.Count >= 1, "the workers start after the related relist");
        _controller.GetHealth().HasSynced.Should().BeTrue();
    }

    [Fact]
    public async Task WatchRelated_AfterStart_Throws()
    {
        await StartAsync();

        var late = () => _controller!.WatchRelated(_related, _ => [Owner]);

        late.Should().Throw<InvalidOperationException>().WithMessage("*before StartAsync*");
    }

    private async Task StartAsync()
    {
        var options = new ControllerOptions
        {
            Queue = new WorkQueueOptions { BaseDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(8), Jitter = 0 },
            Informer = new InformerOptions { ResyncPeriod = TimeSpan.Zero, RelistBaseDelay = TimeSpan.FromSeconds(1), RelistJitter = 0 },
        };
        _controller = ControllerFactory.Create(_owners, _reconciler, options, _logs, _time, new FixedRandom(0));
        _controller.WatchRelated(_related, related =>
        {
            lock (_mapped)
            {
                _mapped.Add(related.Metadata.Name);
            }

            return [Owner];
        });
        await _controller.StartAsync(CancellationToken.None);
    }

    private bool IsIdle() => _controller!.GetHealth() is { HasSynced: true, QueueLength: 0, Processing: 0 } && _reconciler.Calls.Count > 0;

    private List<string> MappedNames()
    {
        lock (_mapped)
        {
            return [.. _mapped];
        }
    }
}
