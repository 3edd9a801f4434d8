using System.Text;
using GbOperator.Infrastructure.Lxd;
using GbOperator.Resources.BotClusters;
using Microsoft.Extensions.Logging;

namespace GbOperator.Controllers.BotClusters.Failover;

/// <summary>Sets the endpoint devices and .env entries of a cluster's instances to an <see cref="EndpointPlan"/>.</summary>
internal sealed class EndpointSynchronizer(ILxdClient lxd, string lxdProject, TimeProvider timeProvider, ILogger<EndpointSynchronizer> logger)
{
    /// <summary>
    /// Updates every instance at once and waits for all of them. Running and stopped instances are both updated,
    /// so a stopped one starts with the current endpoints.
    /// </summary>
    /// <remarks>An LXD failure on any instance is raised after the others finish; the next pass repeats what is left.</remarks>
    public async Task<EndpointSyncResult> SyncAsync(
        BotClusterSpec spec, EndpointPlan plan, IReadOnlyList<ObservedInstance> instances, CancellationToken cancellationToken)
    {
        long started = timeProvider.GetTimestamp();
        var changes = await Task.WhenAll(instances.Select(instance => SyncInstanceAsync(spec, plan, instance, cancellationToken)));
        return new EndpointSyncResult(changes.Where(change => change.HasChanges).ToList(), timeProvider.GetElapsedTime(started));
    }

    private async Task<InstanceEndpointChange> SyncInstanceAsync(
        BotClusterSpec spec, EndpointPlan plan, ObservedInstance instance, CancellationToken cancellationToken)
    {
        var movedDevices = new List<DeviceMove>();
        foreach (var (deviceName, desired) in plan.Devices)
        {
            var current = instance.Instance.Devices.GetValueOrDefault(deviceName);
            if (desired is null && current is not null)
            {
                await lxd.RemoveDeviceAsync(lxdProject, instance.Name, deviceName, cancellationToken);
            }
            else if (desired is not null && !EndpointDevices.Matches(current, desired))
            {
                // LXD kills the old forkproxy at once. It returns only after the new one logs its start, which LXD
                // checks once per second, so each replaced device takes about 1 s on LXD 5.0.2.
                await lxd.SetDeviceAsync(lxdProject, instance.Name, deviceName, desired, cancellationToken);
            }
            else
            {
                continue;
            }

            var move = new DeviceMove(deviceName, EndpointDevices.TargetOf(current), EndpointDevices.TargetOf(desired));
            EndpointLog.DeviceRepointed(logger, instance.Name, deviceName, move.From ?? "none", move.To ?? "none");
            movedDevices.Add(move);
        }

        bool envWritten = plan.Mode != EndpointMode.Unresolved && await WriteEnvIfChangedAsync(spec, plan, instance, cancellationToken);
        return new InstanceEndpointChange(instance.Name, movedDevices, envWritten);
    }

    private async Task<bool> WriteEnvIfChangedAsync(BotClusterSpec spec, EndpointPlan plan, ObservedInstance instance, CancellationToken cancellationToken)
    {
        string env = InstanceLauncher.RenderEnv(spec, plan.Env);
        string hash = InstanceLauncher.HashEnv(env);

        // Instances launched before the key existed have the .env that RenderEnv(spec) returns.
        string current = instance.Instance.Config.GetValueOrDefault(InstanceKeys.EnvHash) ?? InstanceLauncher.HashEnv(InstanceLauncher.RenderEnv(spec));
        if (current == hash)
        {
            return false;
        }

        // NOTE: the instance is not restarted, so a botserver that reads .env only at start-up keeps its old values.
        await lxd.PushFileAsync(lxdProject, instance.Name, InstanceLauncher.EnvFilePath, Encoding.UTF8.GetBytes(env), LxdFileOwnership.RootReadable, cancellationToken);
        await lxd.SetConfigAsync(lxdProject, instance.Name, new Dictionary<string, string?> { [InstanceKeys.EnvHash] = hash }, cancellationToken);
        string degraded = plan.Env.GetValueOrDefault(EndpointEnv.Degraded) ?? "none";
        EndpointLog.EnvWritten(logger, instance.Name, degraded);
        return true;
    }
}
