using System.Text.Json;
using GbOperator.Controllers.BotClusters.Failover;
using GbOperator.Resources;
using GbOperator.Resources.BotClusters;
using k8s.Models;

namespace GbOperator.Controllers.BotClusters;

/// <summary>Builds the status of a BotCluster from one reconcile pass.</summary>
internal static class BotClusterStatusBuilder
{
    public const string Ready = "Ready";
    public const string Progressing = "Progressing";
    public const string Degraded = "Degraded";
    public const string LimitsApplied = "LimitsApplied";

    public static BotClusterStatus Build(
        BotCluster cluster, ClusterObservation observation, RolloutPlan plan, ListenerProblem? listenerProblem, DateTimeOffset now)
    {
        var spec = cluster.Spec;
        var instances = observation.Instances
            .Select(instance => new InstanceStatus
            {
                Name = instance.Name,
                Phase = Phase(instance, observation.Ready),
                Address = instance.HostPort is { } port ? $"127.0.0.1:{port}" : null,
                HostPort = instance.HostPort,
                Ready = observation.Ready.Contains(instance.Name),
                Draining = instance.IsDraining,
                CreatedAt = instance.Instance.CreatedAt.UtcDateTime,
            })
            .Concat(observation.Created.Select(name => new InstanceStatus { Name = name, Phase = "Pending" }))
            .OrderBy(instance => instance.Name, StringComparer.Ordinal)
            .ToList();
        int current = instances.Count(instance => !instance.Draining);
        int ready = observation.Ready.Count;
        int draining = instances.Count(instance => instance.Draining);
        string hash = SpecHash.Compute(spec);
        int outdated = observation.Instances.Count(instance => !instance.IsDraining && instance.SpecHash != hash);

        var conditions = new ConditionSet(cluster.Status?.Conditions, cluster.Metadata.Generation, now);
        if (listenerProblem is not null)
        {
            conditions.Set(Ready, false, listenerProblem.Reason, listenerProblem.Message);
        }
        else if (ready >= spec.Replicas)
        {
            conditions.Set(Ready, true, "InstancesReady", $"{ready} of {spec.Replicas} instances are ready and routed.");
        }
        else
        {
            conditions.Set(Ready, false, "InstancesNotReady", $"{ready} of {spec.Replicas} instances are ready and routed.");
        }

        bool progressing = !plan.IsEmpty || draining > 0 || outdated > 0 || current != spec.Replicas || ready != spec.Replicas;
        string progressReason = "Scaling";
        if (outdated > 0)
        {
            progressReason = "RollingOut";
        }
        else if (draining > 0)
        {
            progressReason = "Draining";
        }

        conditions.Set(
            Progressing,
            progressing && listenerProblem is null,
            progressing ? progressReason : "Converged",
            $"{current} current, {ready} ready, {draining} draining, {outdated} outdated; {spec.Replicas} desired.");

        if (observation.Endpoints.Degradation is { } degradation)
        {
            conditions.Set(Degraded, true, degradation.Reason, degradation.Message);
        }
        else if (plan.Replace.Count > 0)
        {
            conditions.Set(Degraded, true, "InstancesReplaced",
                $"Replacing instances that failed their health check: {string.Join(", ", plan.Replace)}.");
        }
        else if (listenerProblem is not null)
        {
            conditions.Set(Degraded, true, listenerProblem.Reason, listenerProblem.Message);
        }
        else if (observation.HealthFailures.Count > 0)
        {
            var failures = observation.HealthFailures.OrderBy(failure => failure.Key, StringComparer.Ordinal)
                .Select(failure => $"{failure.Key} ({failure.Value})");
            conditions.Set(Degraded, true, "HealthCheckFailing",
                $"{observation.HealthFailures.Count} of {current} instances fail their health check: {string.Join(", ", failures)}.");
        }
        else
        {
            conditions.Set(Degraded, false, "AsExpected", "No instance failed its health check.");
        }

        if (observation.Endpoints.Readiness is { } readiness)
        {
            conditions.Set(EndpointOutcome.EndpointsReady, readiness.Status, readiness.Reason, readiness.Message);
        }

        var notApplied = NotAppliedLimits(spec, observation.Instances);
        conditions.Set(LimitsApplied, notApplied.Count == 0, notApplied.Count == 0 ? "Applied" : "NotSupported",
            notApplied.Count == 0 ? "Every limit in spec.limits is applied." : string.Join(" ", notApplied));

        return new BotClusterStatus
        {
            ObservedGeneration = cluster.Metadata.Generation,
            Conditions = conditions.Conditions,
            Replicas = spec.Replicas,
            CurrentReplicas = current,
            ReadyReplicas = ready,
            Instances = instances,
            Endpoints = observation.Endpoints.Status,
        };
    }

    private static List<string> NotAppliedLimits(BotClusterSpec spec, IReadOnlyList<ObservedInstance> instances)
    {
        var messages = new List<string>();
        var rejected = instances
            .Select(instance => instance.Instance.Config.GetValueOrDefault(InstanceKeys.LimitsNotApplied))
            .FirstOrDefault(message => message is not null);
        if (rejected is not null)
        {
            messages.Add($"LXD rejected {rejected}.");
        }

        if (spec.Limits.Network.Ingress is not null || spec.Limits.Network.Egress is not null)
        {
            messages.Add("limits.network is not applied: LXD sets ingress and egress limits on a NIC, and the instances have none.");
        }

        return messages;
    }

    private static string Phase(ObservedInstance instance, IReadOnlySet<string> ready) =>
        instance.IsDraining ? "Draining"
        : ready.Contains(instance.Name) ? "Ready"
        : instance.Instance.IsRunning ? "Running"
        : "Pending";
}
