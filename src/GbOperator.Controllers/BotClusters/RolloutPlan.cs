namespace GbOperator.Controllers.BotClusters;

/// <summary>The changes one reconcile pass makes to a cluster's instances.</summary>
/// <param name="Create">Number of new instances to create from the current spec.</param>
/// <param name="Drain">Instances to take out of the routes and stop once their connections end.</param>
/// <param name="Replace">Failed instances to take out of the routes and delete at once.</param>
internal sealed record RolloutPlan(int Create, IReadOnlyList<string> Drain, IReadOnlyList<string> Replace)
{
    public bool IsEmpty => Create == 0 && Drain.Count == 0 && Replace.Count == 0;
}
