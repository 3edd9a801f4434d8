using GbOperator.ApiServer.Events;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GbOperator.ApiServer.Hosting;

/// <summary>Settings of an API server started with <see cref="ApiServerHost.StartAsync"/>.</summary>
public sealed class ApiServerOptions
{
    /// <summary>Largest accepted request body in bytes; larger bodies get 413 RequestEntityTooLarge.</summary>
    /// <value>1.5 MiB, etcd's default maximum request size, so every accepted object also fits in one etcd write.</value>
    public long MaxRequestBodyBytes { get; init; } = 3 * 1024 * 1024 / 2;

    /// <summary>Number of events each watcher may have queued before it is dropped as too slow.</summary>
    /// <value>1000 events.</value>
    public int WatcherQueueCapacity { get; init; } = 1000;

    /// <summary>Number of recent events each kind's watch cache keeps to serve watches that start in the past.</summary>
    /// <value>10000 events.</value>
    public int WatchCacheWindow { get; init; } = 10_000;

    /// <summary>Interval between <c>BOOKMARK</c> events on watches that allow them.</summary>
    /// <value>One minute.</value>
    public TimeSpan BookmarkInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Checks of other components in the process, such as the controllers, that the health endpoints include.</summary>
    /// <remarks>
    /// <c>/healthz</c> and <c>/livez</c> fail with 503 when a check reports Unhealthy. <c>/readyz</c> fails with 503 unless
    /// the store answers and every check reports Healthy, so a Degraded check (for example informers not yet synced) makes the
    /// process live but not ready.
    /// </remarks>
    /// <value>No checks.</value>
    public IReadOnlyList<IHealthCheck> HealthChecks { get; init; } = [];

    /// <summary>Called on the builder before the application is built, for example to install Serilog.</summary>
    /// <summary>Expiry settings of core/v1 Events.</summary>
    public EventOptions Events { get; init; } = new();

    public Action<WebApplicationBuilder>? ConfigureBuilder { get; init; }

    /// <summary>Called on the built application before the API endpoints are mapped, for example to add request logging.</summary>
    public Action<WebApplication>? ConfigureApplication { get; init; }
}
