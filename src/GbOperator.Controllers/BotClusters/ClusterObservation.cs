using GbOperator.Controllers.BotClusters.Failover;

namespace GbOperator.Controllers.BotClusters;

/// <summary>The instances of one cluster after a reconcile pass, for its status.</summary>
/// <param name="Instances">Every instance of the cluster that still exists.</param>
/// <param name="Ready">Names of the instances in the routes.</param>
/// <param name="Created">Names of the instances created in this pass.</param>
internal sealed record ClusterObservation(
    IReadOnlyList<ObservedInstance> Instances,
    IReadOnlySet<string> Ready,
    IReadOnlyList<string> Created)
{
    /// <summary>The database and cache endpoints after the pass.</summary>
    public EndpointOutcome Endpoints { get; init; } = EndpointOutcome.None;

    /// <summary>Last health-check failure of each checked instance whose check failed in this pass, by instance name.</summary>
    public IReadOnlyDictionary<string, string> HealthFailures { get; init; } = new Dictionary<string, string>();
}
