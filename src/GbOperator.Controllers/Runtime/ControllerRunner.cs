using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GbOperator.Controllers.Runtime;

/// <summary>Starts and stops a set of controllers with the host, and reports their health.</summary>
/// <remarks>
/// <see cref="StopAsync"/> stops every controller at once and passes on the host's shutdown token, so
/// reconciles in flight finish unless the host's shutdown timeout runs out first. The health check is
/// Unhealthy before start, after stop and when a controller loop stopped on an unexpected error; Degraded
/// while an informer has not synced or its list or watch keeps failing; Healthy otherwise.
/// </remarks>
public sealed class ControllerRunner : IHostedService, IHealthCheck
{
    private readonly IReadOnlyList<IController> _controllers;
    private readonly ILogger<ControllerRunner> _logger;
    private volatile bool _started;

    /// <summary>Creates a runner for <paramref name="controllers"/>.</summary>
    /// <exception cref="ArgumentException">Two controllers have the same name.</exception>
    public ControllerRunner(IEnumerable<IController> controllers, ILogger<ControllerRunner> logger)
    {
        ArgumentNullException.ThrowIfNull(controllers);
        ArgumentNullException.ThrowIfNull(logger);

        _controllers = [.. controllers];
        _logger = logger;

        var duplicate = _controllers.GroupBy(controller => controller.Name).FirstOrDefault(group => group.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Two controllers are named '{duplicate.Key}'; set ControllerOptions.Name to tell them apart.", nameof(controllers));
        }
    }

    /// <summary>Starts every controller; returns without waiting for their informers to sync.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        ControllerLog.RunnerStarting(_logger, _controllers.Count);
        foreach (var controller in _controllers)
        {
            await controller.StartAsync(cancellationToken).ConfigureAwait(false);
        }

        _started = true;
    }

    /// <summary>Stops every controller, waiting for reconciles in flight until <paramref name="cancellationToken"/> fires.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _started = false;
        await Task.WhenAll(_controllers.Select(controller => StopOneAsync(controller, cancellationToken))).ConfigureAwait(false);
        ControllerLog.RunnerStopped(_logger);
    }

    /// <summary>Returns the health of every controller, with one data entry per controller.</summary>
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var reports = _controllers.Select(controller => controller.GetHealth()).ToList();
        var data = reports.ToDictionary(report => report.Name, report => (object)report);

        if (!_started)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("The controllers are not running.", data: data));
        }

        var faulted = reports.Where(report => report.FaultedLoop is not null || !report.IsStarted).ToList();
        if (faulted.Count > 0)
        {
            var names = string.Join(", ", faulted.Select(report => $"{report.Name} ({report.FaultedLoop ?? "stopped"})"));
            return Task.FromResult(HealthCheckResult.Unhealthy($"Controller loops stopped: {names}.", data: data));
        }

        var lagging = reports.Where(report => !report.HasSynced || report.ConsecutiveListFailures > 0).ToList();
        if (lagging.Count > 0)
        {
            var names = string.Join(", ", lagging.Select(report => report.HasSynced
                ? $"{report.Name} ({report.ConsecutiveListFailures} list or watch failures)"
                : $"{report.Name} (not synced)"));
            return Task.FromResult(HealthCheckResult.Degraded($"Controllers behind the API server: {names}.", data: data));
        }

        return Task.FromResult(HealthCheckResult.Healthy($"{reports.Count} controllers synced and running.", data));
    }

    private async Task StopOneAsync(IController controller, CancellationToken cancellationToken)
    {
        try
        {
            await controller.StopAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            ControllerLog.StopFailed(_logger, exception, controller.Name);
        }
    }
}
