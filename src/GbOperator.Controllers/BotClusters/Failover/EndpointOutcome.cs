using GbOperator.Resources.BotClusters;

namespace GbOperator.Controllers.BotClusters.Failover;

/// <summary>The endpoints of a cluster after a reconcile pass, for its status.</summary>
/// <param name="Plan">The plan the pass applied; new instances are launched with it.</param>
/// <param name="Status">The <c>status.endpoints</c> to write, or <c>null</c> for a cluster without a FailoverPolicy.</param>
internal sealed record EndpointOutcome(EndpointPlan Plan, EndpointsStatus? Status)
{
    public const string EndpointsReady = "EndpointsReady";
    public const string NoDatabasePrimary = "NoDatabasePrimary";
    public const string NoCacheMaster = "NoCacheMaster";

    /// <summary>The outcome of a cluster without a FailoverPolicy.</summary>
    public static EndpointOutcome None { get; } = new(EndpointPlan.None, null);

    /// <summary>Why the cluster is degraded by a missing primary or master, or <c>null</c> when it is not.</summary>
    public EndpointProblem? Degradation
    {
        get
        {
            var missing = Plan.Missing;
            if (missing.Count == 0)
            {
                return null;
            }

            string reason = missing.Contains("database") ? NoDatabasePrimary : NoCacheMaster;
            string backends = string.Join(" and ", missing.Select(backend => backend == "database" ? "no PostgreSQL primary" : "no Redis master"));
            return new EndpointProblem(
                reason,
                $"FailoverPolicy {Plan.PolicyName} reports {backends}; the instances have no device for it, and their .env contains the fallback settings.");
        }
    }

    /// <summary>The <see cref="EndpointsReady"/> condition as status, reason and message, or <c>null</c> without a FailoverPolicy.</summary>
    public (bool Status, string Reason, string Message)? Readiness
    {
        get
        {
            if (Plan.Mode == EndpointMode.Unmanaged)
            {
                return null;
            }

            if (Plan.Problem is { } problem)
            {
                return (false, problem.Reason, problem.Message);
            }

            if (Degradation is { } degradation)
            {
                return (false, degradation.Reason, degradation.Message);
            }

            return (true, "EndpointsCurrent",
                $"Every instance's endpoint devices point PostgreSQL at {Plan.Database} and Redis at {Plan.Cache}. The operator does not check that these servers accept connections.");
        }
    }
}
