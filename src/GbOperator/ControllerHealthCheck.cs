using GbOperator.Controllers.Runtime;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GbOperator;

/// <summary>The health of the controllers, which start after the API server because their informers read from it.</summary>
/// <remarks>Degraded until <see cref="Attach"/> is called, so the process is live but not ready while the controllers start.</remarks>
internal sealed class ControllerHealthCheck : IHealthCheck
{
    private volatile ControllerRunner? _runner;

    /// <summary>Reports the health of <paramref name="runner"/> from now on.</summary>
    public void Attach(ControllerRunner runner) => _runner = runner;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        _runner is { } runner
            ? runner.CheckHealthAsync(context, cancellationToken)
            : Task.FromResult(HealthCheckResult.Degraded("The controllers are starting."));
}
