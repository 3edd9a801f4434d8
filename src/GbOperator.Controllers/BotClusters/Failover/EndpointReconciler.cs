using System.Globalization;
using GbOperator.Controllers.Events;
using GbOperator.Controllers.Runtime;
using GbOperator.Resources.BotClusters;
using GbOperator.Resources.FailoverPolicies;
using Microsoft.Extensions.Logging;

namespace GbOperator.Controllers.BotClusters.Failover;

/// <summary>
/// Points the database and cache endpoints of a BotCluster's instances at the current PostgreSQL primary and Redis
/// master of its FailoverPolicy, and records what moved.
/// </summary>
internal sealed class EndpointReconciler(
    IResourceClient<FailoverPolicy> policies,
    EndpointSynchronizer synchronizer,
    IEventRecorder events,
    TimeProvider timeProvider,
    ILogger<EndpointReconciler> logger)
{
    /// <summary>Reads the cluster's FailoverPolicy, updates every instance to it, and returns the result for status.</summary>
    public async Task<EndpointOutcome> ReconcileAsync(BotCluster cluster, IReadOnlyList<ObservedInstance> instances, CancellationToken cancellationToken)
    {
        var plan = await PlanAsync(cluster, cancellationToken);
        if (plan.Problem is { } problem)
        {
            EndpointLog.Unresolved(logger, problem.Reason, problem.Message);
        }

        var result = await synchronizer.SyncAsync(cluster.Spec, plan, instances, cancellationToken);
        RecordEvents(cluster, plan, result);
        return new EndpointOutcome(plan, NextStatus(cluster.Status?.Endpoints, plan, result));
    }

    private async Task<EndpointPlan> PlanAsync(BotCluster cluster, CancellationToken cancellationToken)
    {
        string? policyName = cluster.Spec.FailoverPolicyRef?.Name;
        if (string.IsNullOrEmpty(policyName))
        {
            return EndpointPlan.None;
        }

        var policy = await policies.GetAsync(cluster.Metadata.NamespaceProperty, policyName, cancellationToken);
        return EndpointPlanner.Plan(cluster, policy);
    }

    /// <summary>
    /// Returns the <c>status.endpoints</c> after this pass: the previous value while nothing moved, so
    /// <c>repointedAt</c> keeps the time of the last move.
    /// </summary>
    private EndpointsStatus? NextStatus(EndpointsStatus? previous, EndpointPlan plan, EndpointSyncResult result)
    {
        switch (plan.Mode)
        {
            case EndpointMode.Unmanaged:
                return null;
            case EndpointMode.Unresolved:
                return previous;
        }

        bool unchanged = previous is not null && previous.Database == plan.Database && previous.Cache == plan.Cache && !result.Moves.Any();
        return unchanged
            ? previous
            : new EndpointsStatus { Database = plan.Database, Cache = plan.Cache, RepointedAt = timeProvider.GetUtcNow().UtcDateTime };
    }

    private void RecordEvents(BotCluster cluster, EndpointPlan plan, EndpointSyncResult result)
    {
        var previousConditions = cluster.Status?.Conditions ?? [];
        if (plan.Problem is { } problem
            && !previousConditions.Any(condition => condition.Type == EndpointOutcome.EndpointsReady && condition.Reason == problem.Reason))
        {
            events.Warning(cluster, problem.Reason, problem.Message);
        }

        var moves = result.Moves.ToList();
        if (moves.Count > 0)
        {
            string summary = string.Join(", ", moves.GroupBy(move => move.Device).Select(Describe));
            int instances = result.Changed.Count(change => change.Moves.Count > 0);
            EndpointLog.Repointed(logger, instances, result.Elapsed, summary);
            events.Normal(cluster, "EndpointsRepointed", string.Create(
                CultureInfo.InvariantCulture,
                $"Re-pointed {summary} on {instances} instances in {result.Elapsed.TotalMilliseconds:F0} ms"));
        }

        bool envWritten = result.Changed.Any(change => change.EnvWritten);
        var missing = plan.Missing;
        if (envWritten && missing.Count > 0)
        {
            var fallbacks = plan.Env.Where(pair => pair.Key.StartsWith("GBO_", StringComparison.Ordinal))
                .OrderBy(pair => pair.Key, StringComparer.Ordinal)
                .Select(pair => $"{pair.Key}={pair.Value}");
            events.Warning(cluster, "FallbackSettingsApplied", $"No server for {string.Join(" and ", missing)}: wrote {string.Join(" ", fallbacks)} to the .env of the instances");
        }
        else if (envWritten && plan.Mode == EndpointMode.Managed && previousConditions.Any(IsEndpointDegradation))
        {
            events.Normal(cluster, "FallbackSettingsRemoved", "The database and cache are back: removed the fallback settings from the .env of the instances");
        }
    }

    private static bool IsEndpointDegradation(k8s.Models.V1Condition condition) =>
        condition.Type == BotClusterStatusBuilder.Degraded && condition.Status == "True"
        && condition.Reason is EndpointOutcome.NoDatabasePrimary or EndpointOutcome.NoCacheMaster;

    /// <summary>Describes the moves of one device, such as <c>gbo-database from 127.0.0.1:5433 to 127.0.0.1:5434</c>.</summary>
    private static string Describe(IGrouping<string, DeviceMove> moves)
    {
        string from = string.Join(" and ", moves.Select(move => move.From ?? "none").Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        string to = string.Join(" and ", moves.Select(move => move.To ?? "none").Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        return $"{moves.Key} from {from} to {to}";
    }
}
