using System.Net;
using GbOperator.ApiServer.Events;
using GbOperator.ApiServer.Hosting;
using GbOperator.ApiServer.Tests.Infrastructure;
using GbOperator.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace GbOperator.ApiServer.Tests.Events;

public sealed class EventExpiryTests : IAsyncLifetime
{
    // Longer than any advance in the direct sweep tests, so the background sweep never runs during them.
    private static readonly TimeSpan SweepInterval = TimeSpan.FromHours(12);

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "gbo-event-expiry-" + Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private IResourceStore _store = null!;
    private ApiServerHost _host = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        _store = ResourceStoreFactory.Open("sqlite://" + Path.Combine(_directory, "state.db"));
        var options = new ApiServerOptions
        {
            Events = new EventOptions { TimeToLive = TimeSpan.FromHours(1), SweepInterval = SweepInterval },
            ConfigureBuilder = builder => builder.Services.AddSingleton<TimeProvider>(_time),
        };
        _host = await ApiServerHost.StartAsync(_store, "127.0.0.1:0", options);
        _client = new HttpClient { BaseAddress = _host.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
        await _store.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Sweep_EventYoungerThanTtl_KeepsIt()
    {
        await _client.PostJsonAsync("/api/v1/namespaces/ttl/events", EventsApiTests.Event("young.1", "young", "InstanceCreated"));
        _time.Advance(TimeSpan.FromMinutes(59));

        var deleted = await Sweeper().SweepAsync(CancellationToken.None);
        var read = await _client.GetJsonAsync("/api/v1/namespaces/ttl/events/young.1");

        deleted.Should().Be(0);
        read.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Sweep_EventOlderThanTtl_DeletesIt()
    {
        await _client.PostJsonAsync("/api/v1/namespaces/ttl/events", EventsApiTests.Event("old.1", "old", "InstanceCreated"));
        _time.Advance(TimeSpan.FromMinutes(61));

        var deleted = await Sweeper().SweepAsync(CancellationToken.None);
        var read = await _client.GetJsonAsync("/api/v1/namespaces/ttl/events/old.1");

        deleted.Should().Be(1);
        read.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Sweep_RecentLastTimestamp_KeepsOldEvent()
    {
        await _client.PostJsonAsync("/api/v1/namespaces/ttl/events", EventsApiTests.Event("bumped.1", "bumped", "InstanceUnhealthy"));
        _time.Advance(TimeSpan.FromMinutes(50));
        var lastTimestamp = _time.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        await _client.PatchAsync("/api/v1/namespaces/ttl/events/bumped.1", new System.Text.Json.Nodes.JsonObject { ["count"] = 2, ["lastTimestamp"] = lastTimestamp }, "application/merge-patch+json");
        _time.Advance(TimeSpan.FromMinutes(20));

        var deleted = await Sweeper().SweepAsync(CancellationToken.None);

        deleted.Should().Be(0);
    }

    [Fact]
    public async Task Sweeper_IntervalPasses_DeletesExpiredEvent()
    {
        await _client.PostJsonAsync("/api/v1/namespaces/ttl/events", EventsApiTests.Event("timer.1", "timer", "InstanceCreated"));
        _time.Advance(TimeSpan.FromMinutes(61));

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        var status = HttpStatusCode.OK;
        while (status != HttpStatusCode.NotFound && DateTime.UtcNow < deadline)
        {
            // Each advance fires the sweep's periodic timer once more; the loop ends when the sweep has run.
            _time.Advance(SweepInterval);
            status = (await _client.GetJsonAsync("/api/v1/namespaces/ttl/events/timer.1")).StatusCode;
        }

        status.Should().Be(HttpStatusCode.NotFound);
    }

    private EventExpirySweeper Sweeper() => _host.Services.GetRequiredService<EventExpirySweeper>();
}
