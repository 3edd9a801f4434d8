using GbOperator.Controllers.Runtime;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Abstractions;

namespace GbOperator.Tests;

public sealed class ControllerHealthCheckTests
{
    [Fact]
    public async Task CheckHealth_NoRunnerAttached_Degraded()
    {
        var check = new ControllerHealthCheck();

        var result = await check.CheckHealthAsync(new HealthCheckContext());

        result.Status.Should().Be(HealthStatus.Degraded);
    }

    [Theory]
    [InlineData(false, null, HealthStatus.Degraded)]
    [InlineData(true, null, HealthStatus.Healthy)]
    [InlineData(true, "worker", HealthStatus.Unhealthy)]
    public async Task CheckHealth_RunnerAttached_ReportsRunnerHealth(bool hasSynced, string? faultedLoop, HealthStatus expected)
    {
        using var controller = new FixedController(new ControllerHealth("botclusters", true, hasSynced, faultedLoop, 0, 0, 0));
        var runner = new ControllerRunner([controller], NullLogger<ControllerRunner>.Instance);
        await runner.StartAsync(CancellationToken.None);
        var check = new ControllerHealthCheck();

        check.Attach(runner);
        var result = await check.CheckHealthAsync(new HealthCheckContext());

        result.Status.Should().Be(expected);
    }

    private sealed class FixedController(ControllerHealth health) : IController
    {
        public string Name => health.Name;

        public ControllerHealth GetHealth() => health;

        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public void Dispose()
        {
        }
    }
}
