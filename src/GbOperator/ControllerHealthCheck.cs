using System.Collections.Immutable;
using GbOperator.Controllers.Runtime;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GbOperator;

/// <summary>The health of the controllers, which start after the API server because their informers read from it.</summary>
/// <remarks>
/// Degraded until <see cref="Attach"/> is called, so the process is live but not ready while the controllers start.
/// With several runners attached, the worst of their results counts.
/// </remarks>
internal sealed class ControllerHealthCheck : IHealthCheck
{
    private ImmutableList<ControllerRunner> _runners = [];

    /// <summary>Reports the health of <paramref name="runner"/> from now on, together with the runners attached before.</summary>
    public void Attach(ControllerRunner runner) => ImmutableInterlocked.Update(ref _runners, runners => runners.Add(runner));

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var runners = _runners;
        if (runners.IsEmpty)
        {
            return HealthCheckResult.Degraded("The controllers are starting.");
        }

        HealthCheckResult worst = default;
        bool first = true;
        foreach (var runner in runners)
        {
            var result = await runner.CheckHealthAsync(context, cancellationToken);
            if (first || result.Status < worst.Status)
            {
                worst = result;
                first = false;
            }
        }

        return worst;
    }
}
