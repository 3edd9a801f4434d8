using GbOperator.Resources.BotClusters;
using GbOperator.Resources.FailoverPolicies;

namespace GbOperator.Controllers.BotClusters.Failover;

/// <summary>Plans a cluster's database and cache endpoints from the status of its FailoverPolicy.</summary>
internal static class EndpointPlanner
{
    public const string PolicyNotFound = "FailoverPolicyNotFound";
    public const string InvalidEndpoint = "InvalidEndpoint";

    /// <summary>Plans the endpoints of <paramref name="cluster"/>.</summary>
    /// <param name="cluster">The cluster being reconciled.</param>
    /// <param name="policy">The policy that <c>spec.failoverPolicyRef</c> names, or <c>null</c> when it does not exist.</param>
    public static EndpointPlan Plan(BotCluster cluster, FailoverPolicy? policy)
    {
        string? policyName = cluster.Spec.FailoverPolicyRef?.Name;
        if (string.IsNullOrEmpty(policyName))
        {
            return EndpointPlan.None;
        }

        var localEndpoints = EndpointEnv.LocalEndpoints(cluster.Spec.Env);
        string policyKey = $"{cluster.Metadata.NamespaceProperty}/{policyName}";
        if (policy is null)
        {
            return new EndpointPlan(EndpointMode.Unresolved, policyName, null, null, localEndpoints, new EndpointProblem(
                PolicyNotFound,
                $"FailoverPolicy {policyKey} named in spec.failoverPolicyRef.name does not exist; create it or remove the reference. The endpoint devices stay as they are."));
        }

        var databaseProblem = CheckAddress(policyKey, "status.primary", policy.Status?.Primary, out string? database);
        var cacheProblem = CheckAddress(policyKey, "status.cacheMaster", policy.Status?.CacheMaster, out string? cache);
        if ((databaseProblem ?? cacheProblem) is { } problem)
        {
            return new EndpointPlan(EndpointMode.Unresolved, policyName, null, null, localEndpoints, problem);
        }

        var plan = new EndpointPlan(EndpointMode.Managed, policyName, database, cache, localEndpoints, null);
        var env = new Dictionary<string, string>(localEndpoints, StringComparer.Ordinal);
        foreach (var (key, value) in EndpointEnv.Fallbacks(policy.Spec.GracefulDegradation, plan.Missing))
        {
            env[key] = value;
        }

        return plan with { Env = env };
    }

    /// <summary>Normalizes a reported <c>ip:port</c>; returns the problem when it is not one. Null or empty means none.</summary>
    private static EndpointProblem? CheckAddress(string policyKey, string field, string? reported, out string? normalized)
    {
        normalized = null;
        if (string.IsNullOrEmpty(reported))
        {
            return null;
        }

        if (!EndpointAddress.TryParse(reported, out var endpoint))
        {
            return new EndpointProblem(
                InvalidEndpoint,
                $"FailoverPolicy {policyKey} reports {field} '{reported}', which is not ip:port such as 127.0.0.1:5432; the endpoint devices stay as they are.");
        }

        normalized = endpoint.ToString();
        return null;
    }
}
