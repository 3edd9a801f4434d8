using GbOperator.Controllers.Events;
using GbOperator.Controllers.Tests.TestSupport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace GbOperator.Controllers.Tests.Events;

public sealed class EventRecorderTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly RecordingEventSink _sink = new();
    private readonly CapturingLoggerFactory _logs = new();

    [Fact]
    public async Task Normal_FirstOccurrence_CreatesEventAboutResource()
    {
        var widget = Widget("web", "uid-1");
        var recorder = CreateRecorder();

        recorder.Normal(widget, "InstanceCreated", "Created instance web-abc");
        await recorder.DisposeAsync();

        var created = _sink.Events.Should().ContainSingle().Subject;
        created.Type.Should().Be("Normal");
        created.Reason.Should().Be("InstanceCreated");
        created.Message.Should().Be("Created instance web-abc");
        created.Count.Should().Be(1);
        created.Metadata.NamespaceProperty.Should().Be("team");
        created.Metadata.Name.Should().StartWith("web.");
        created.InvolvedObject.Kind.Should().Be("Widget");
        created.InvolvedObject.Name.Should().Be("web");
        created.InvolvedObject.Uid.Should().Be("uid-1");
        created.Source.Component.Should().Be("gb-operator");
        created.FirstTimestamp.Should().Be(_time.GetUtcNow().UtcDateTime);
    }

    [Fact]
    public async Task Warning_RepeatWithinWindow_PatchesCountAndLastTimestamp()
    {
        var widget = Widget("web", "uid-1");
        var recorder = CreateRecorder();

        recorder.Warning(widget, "InstanceUnhealthy", "Instance web-abc failed");
        _time.Advance(TimeSpan.FromMinutes(1));
        recorder.Warning(widget, "InstanceUnhealthy", "Instance web-abc failed");
        _time.Advance(TimeSpan.FromMinutes(1));
        recorder.Warning(widget, "InstanceUnhealthy", "Instance web-abc failed");
        await recorder.DisposeAsync();

        var aggregated = _sink.Events.Should().ContainSingle().Subject;
        _sink.Creates.Should().Be(1);
        _sink.Patches.Should().Be(2);
        aggregated.Count.Should().Be(3);
        aggregated.Type.Should().Be("Warning");
        aggregated.LastTimestamp.Should().Be(_time.GetUtcNow().UtcDateTime);
        aggregated.FirstTimestamp.Should().Be(_time.GetUtcNow().UtcDateTime - TimeSpan.FromMinutes(2));
    }

    [Fact]
    public async Task Normal_RepeatAfterWindow_CreatesNewEvent()
    {
        var widget = Widget("web", "uid-1");
        var recorder = CreateRecorder();

        recorder.Normal(widget, "RoutesUpdated", "Updated routes");
        _time.Advance(TimeSpan.FromMinutes(11));
        recorder.Normal(widget, "RoutesUpdated", "Updated routes");
        await recorder.DisposeAsync();

        _sink.Events.Should().HaveCount(2);
        _sink.Patches.Should().Be(0);
    }

    [Fact]
    public async Task Normal_DifferentMessageOrObject_CreatesSeparateEvents()
    {
        var recorder = CreateRecorder();

        recorder.Normal(Widget("web", "uid-1"), "InstanceCreated", "Created instance web-a");
        recorder.Normal(Widget("web", "uid-1"), "InstanceCreated", "Created instance web-b");
        recorder.Normal(Widget("api", "uid-2"), "InstanceCreated", "Created instance web-a");
        await recorder.DisposeAsync();

        _sink.Events.Should().HaveCount(3);
        _sink.Events.Select(e => e.Metadata.Name).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task Normal_AggregatedEventExpired_CreatesNewEvent()
    {
        var widget = Widget("web", "uid-1");
        var recorder = CreateRecorder();
        recorder.Normal(widget, "InstanceReady", "Ready");
        await Wait.UntilAsync(() => _sink.Creates == 1, "the first event is created");
        // The API server expired the event, so the PATCH of the repeat finds nothing.
        _sink.Clear();

        recorder.Normal(widget, "InstanceReady", "Ready");
        await recorder.DisposeAsync();

        _sink.Patches.Should().Be(1);
        _sink.Creates.Should().Be(2);
        _sink.Events.Should().ContainSingle().Which.Count.Should().Be(1);
    }

    [Fact]
    public async Task Normal_SinkFails_DoesNotThrowAndLogsWarning()
    {
        _sink.Failure = new HttpRequestException("connection refused");
        var recorder = CreateRecorder();

        var record = () => recorder.Normal(Widget("web", "uid-1"), "InstanceCreated", "Created");
        record.Should().NotThrow();
        await recorder.DisposeAsync();

        _sink.Events.Should().BeEmpty();
        var warning = _logs.Entries.Should().ContainSingle(entry => entry.Level == LogLevel.Warning).Subject;
        warning.Message.Should().Contain("InstanceCreated");
        warning.Exception.Should().BeOfType<HttpRequestException>();
    }

    [Fact]
    public async Task Normal_RepeatedFailures_LogsOncePerInterval()
    {
        _sink.Failure = new HttpRequestException("connection refused");
        var recorder = CreateRecorder();

        for (var i = 0; i < 5; i++)
        {
            recorder.Normal(Widget("web", "uid-1"), "InstanceCreated", $"Created {i}");
        }

        await recorder.DisposeAsync();

        _logs.Entries.Where(entry => entry.Level == LogLevel.Warning).Should().ContainSingle();
    }

    [Fact]
    public async Task Normal_SinkRecovers_WritesLaterEvents()
    {
        _sink.Failure = new InvalidOperationException("unexpected");
        var recorder = CreateRecorder();
        recorder.Normal(Widget("web", "uid-1"), "InstanceCreated", "Dropped");
        await Wait.UntilAsync(() => _logs.Entries.Count > 0, "the failure is logged");

        _sink.Failure = null;
        recorder.Normal(Widget("web", "uid-1"), "InstanceStarted", "Written");
        await recorder.DisposeAsync();

        _sink.Events.Should().ContainSingle().Which.Reason.Should().Be("InstanceStarted");
    }

    private EventRecorder CreateRecorder() =>
        new(_sink, new EventRecorderOptions(), _time, _logs.CreateLogger<EventRecorder>());

    private static Widget Widget(string name, string uid) => new()
    {
        Metadata = new k8s.Models.V1ObjectMeta { Name = name, NamespaceProperty = "team", Uid = uid },
    };
}
