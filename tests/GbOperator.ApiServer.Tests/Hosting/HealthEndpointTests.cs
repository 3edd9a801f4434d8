using System.Net;
using GbOperator.ApiServer.Hosting;
using GbOperator.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GbOperator.ApiServer.Tests.Hosting;

/// <summary>/healthz, /livez and /readyz with component health checks such as the controllers'.</summary>
public sealed class HealthEndpointTests : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "gbo-health-tests-" + Guid.NewGuid().ToString("N"));
    private IResourceStore _store = null!;

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        _store = ResourceStoreFactory.Open("sqlite://" + Path.Combine(_directory, "state.db"));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task HealthChecks_Healthy_LiveAndReady()
    {
        await using var host = await StartAsync(new FixedHealthCheck(HealthCheckResult.Healthy("running")));
        using var client = new HttpClient { BaseAddress = host.BaseAddress };

        var health = await client.GetAsync("/healthz");
        var live = await client.GetAsync("/livez");
        var ready = await client.GetAsync("/readyz");

        health.StatusCode.Should().Be(HttpStatusCode.OK);
        live.StatusCode.Should().Be(HttpStatusCode.OK);
        ready.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task HealthChecks_Degraded_LiveButNotReady()
    {
        await using var host = await StartAsync(new FixedHealthCheck(HealthCheckResult.Degraded("botclusters (not synced)")));
        using var client = new HttpClient { BaseAddress = host.BaseAddress };

        var health = await client.GetAsync("/healthz");
        var ready = await client.GetAsync("/readyz");
        var readyBody = await ready.Content.ReadAsStringAsync();

        health.StatusCode.Should().Be(HttpStatusCode.OK);
        ready.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        readyBody.Should().Contain("not synced");
    }

    [Fact]
    public async Task HealthChecks_Unhealthy_NeitherLiveNorReady()
    {
        await using var host = await StartAsync(
            new FixedHealthCheck(HealthCheckResult.Healthy("other")),
            new FixedHealthCheck(HealthCheckResult.Unhealthy("Controller loops stopped: botclusters (worker).")));
        using var client = new HttpClient { BaseAddress = host.BaseAddress };

        var health = await client.GetAsync("/healthz");
        var healthBody = await health.Content.ReadAsStringAsync();
        var live = await client.GetAsync("/livez");
        var ready = await client.GetAsync("/readyz");

        health.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        healthBody.Should().Contain("botclusters (worker)");
        live.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        ready.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
    }

    private Task<ApiServerHost> StartAsync(params IHealthCheck[] checks) =>
        ApiServerHost.StartAsync(_store, options: new ApiServerOptions { HealthChecks = checks });

    private sealed class FixedHealthCheck(HealthCheckResult result) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(result);
    }
}
