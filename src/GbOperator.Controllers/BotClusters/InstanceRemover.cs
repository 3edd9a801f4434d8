using GbOperator.Infrastructure.Lxd;
using GbOperator.Resources;
using GbOperator.Resources.BotClusters;
using Microsoft.Extensions.Logging;

namespace GbOperator.Controllers.BotClusters;

/// <summary>Stops and deletes instances: drained ones once their connections end, others at once.</summary>
internal sealed class InstanceRemover(
    ILxdClient lxd, BotClusterReconcilerOptions options, TimeProvider timeProvider, HealthTracker health, ILogger<InstanceRemover> logger)
{
    /// <summary>Stops and deletes draining instances whose connections ended or whose drain timeout passed.</summary>
    /// <returns>Names of the instances deleted.</returns>
    public async Task<HashSet<string>> FinishDrainsAsync(BotClusterSpec spec, List<ObservedInstance> draining, CancellationToken cancellationToken)
    {
        var deleted = new HashSet<string>(StringComparer.Ordinal);
        var drainTimeout = Duration.TryParse(spec.DrainTimeout, out var parsed) ? parsed : TimeSpan.FromSeconds(30);
        var now = timeProvider.GetUtcNow();
        foreach (var instance in draining)
        {
            var elapsed = now - instance.DrainingSince!.Value;
            if (instance.Instance.IsRunning)
            {
                if (elapsed < options.MinimumDrainTime)
                {
                    continue;
                }

                int connections = await CountConnectionsAsync(instance.Name, spec.Port, cancellationToken);
                if (connections > 0 && elapsed < drainTimeout)
                {
                    BotClusterLog.StillDraining(logger, instance.Name, connections, elapsed);
                    continue;
                }

                BotClusterLog.Drained(logger, instance.Name, connections, elapsed);
            }

            await DeleteAsync(instance.Name, options.StopTimeout, cancellationToken);
            deleted.Add(instance.Name);
        }

        return deleted;
    }

    public async Task<int> CountConnectionsAsync(string instance, int port, CancellationToken cancellationToken)
    {
        try
        {
            return await lxd.CountEstablishedConnectionsAsync(options.LxdProject, instance, port, cancellationToken);
        }
        catch (LxdException exception)
        {
            BotClusterLog.ConnectionCountFailed(logger, exception, instance);
            return 0;
        }
    }

    /// <summary>
    /// Stops the instance through LXD, which signals its init (SIGPWR for containers) and kills it after
    /// <paramref name="stopTimeout"/>, then deletes it.
    /// </summary>
    public async Task DeleteAsync(string instance, TimeSpan stopTimeout, CancellationToken cancellationToken)
    {
        try
        {
            await lxd.StopInstanceAsync(options.LxdProject, instance, stopTimeout, cancellationToken);
            await lxd.DeleteInstanceAsync(options.LxdProject, instance, cancellationToken);
            BotClusterLog.InstanceDeleted(logger, instance);
        }
        catch (LxdNotFoundException)
        {
            // Someone else deleted it first.
        }

        health.Forget(instance);
    }
}
