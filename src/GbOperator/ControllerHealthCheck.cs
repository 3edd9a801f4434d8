using GbOperator.Controllers.Runtime;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GbOperator;

/// <summary>The health of the controllers, which start after the API server because their informers read from it.</summary>
/// <remarks>Degraded until <see cref="Attach"/> is called, so the process is live but not ready while the controllers start.</remarks>
internal sealed class ControllerHealthCheck : IHealthCheck
{
    private volatile ControllerRunner[] _runners = [];

    /// <summary>Reports the health of <paramref name="runners"/> from now on: the worst of them.</summary>
    public void Attach(params ControllerRunner[] runners) => _runners = runners;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var runners = _runners;
        if (runners.Length == 0)
        {
            return HealthCheckResult.Degraded("The controllers are starting.");
        }

        var results = new List<HealthCheckResult>();
        foreach (var runner in runners)
        {
            results.Add(await runner.CheckHealthAsync(context, cancellationToken));
        }

        return results.MinBy(result => result.Status);
    }
}
