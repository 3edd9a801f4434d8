using GbOperator.Controllers.Runtime;
using GbOperator.Controllers.Tests.TestSupport;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace GbOperator.Controllers.Tests.Runtime;

public sealed class ControllerRunnerTests : IAsyncLifetime
{
    private readonly ObservableTimeProvider _time = new();
    private readonly ScriptedResourceClient _client = new();
    private readonly ScriptedReconciler _reconciler = new();
    private readonly CapturingLoggerFactory _logs = new();
    private readonly IController<Widget> _controller;
    private readonly ControllerRunner _runner;

    public ControllerRunnerTests()
    {
        var options = new ControllerOptions { Informer = new InformerOptions { ResyncPeriod = TimeSpan.Zero, RelistJitter = 0 } };
        _controller = ControllerFactory.Create(_client, _reconciler, options, _logs, _time, new FixedRandom(0));
        _runner = new ControllerRunner([_controller], _logs.CreateLogger<ControllerRunner>());
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _runner.StopAsync(CancellationToken.None);
        _controller.Dispose();
    }

    [Fact]
    public async Task CheckHealth_NotStarted_Unhealthy()
    {
        var health = await CheckHealthAsync();

        health.Status.Should().Be(HealthStatus.Unhealthy);
    }

    [Fact]
    public async Task CheckHealth_StartedAndSynced_Healthy()
    {
        _client.Store("ns", "a");

        await _runner.StartAsync(CancellationToken.None);
        await _controller.WaitForSyncAsync(CancellationToken.None).WaitAsync(Wait.DefaultTimeout);
        var health = await CheckHealthAsync();

        health.Status.Should().Be(HealthStatus.Healthy);
        health.Data.Should().ContainKey("Widget");
    }

    [Fact]
    public async Task CheckHealth_ListFailing_DegradedUntilListSucceeds()
    {
        _client.FailNextList(new HttpRequestException("connection refused"));
        var timers = _time.TimersCreated;

        await _runner.StartAsync(CancellationToken.None);
        await Wait.UntilAsync(() => _time.TimersCreated > timers, "the informer waits to list again");
        var whileFailing = await CheckHealthAsync();
        _time.Advance(TimeSpan.FromSeconds(1));
        await _controller.WaitForSyncAsync(CancellationToken.None).WaitAsync(Wait.DefaultTimeout);
        var afterRecovery = await CheckHealthAsync();

        whileFailing.Status.Should().Be(HealthStatus.Degraded);
        whileFailing.Description.Should().Contain("Widget (not synced)");
        afterRecovery.Status.Should().Be(HealthStatus.Healthy);
    }

    [Fact]
    public async Task CheckHealth_Stopped_Unhealthy()
    {
        await _runner.StartAsync(CancellationToken.None);
        await _controller.WaitForSyncAsync(CancellationToken.None).WaitAsync(Wait.DefaultTimeout);

        await _runner.StopAsync(CancellationToken.None);
        var health = await CheckHealthAsync();

        health.Status.Should().Be(HealthStatus.Unhealthy);
        _logs.Entries.Should().Contain(entry => entry.EventId.Id == 1221 && entry.Level == LogLevel.Information);
    }

    [Fact]
    public void Constructor_DuplicateNames_Throws()
    {
        using var other = ControllerFactory.Create(_client, _reconciler, null, _logs, _time, new FixedRandom(0));

        var create = () => new ControllerRunner([_controller, other], _logs.CreateLogger<ControllerRunner>());

        create.Should().Throw<ArgumentException>().WithMessage("*Widget*ControllerOptions.Name*");
    }

    private Task<HealthCheckResult> CheckHealthAsync() =>
        _runner.CheckHealthAsync(new HealthCheckContext
        {
            Registration = new HealthCheckRegistration("controllers", _runner, HealthStatus.Unhealthy, null),
        });
}
