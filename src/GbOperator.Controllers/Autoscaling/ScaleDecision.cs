namespace GbOperator.Controllers.Autoscaling;

/// <summary>The outcome of one autoscaling check.</summary>
/// <param name="DesiredReplicas">Instance count to set; the current count when <paramref name="Direction"/> is <see cref="ScaleDirection.None"/>.</param>
/// <param name="Direction">Whether to add instances, remove them, or leave the count.</param>
/// <param name="Rule">Spec field of the rule that decided, such as <c>cpuThreshold</c> or <c>rules.cpuLow</c>; <c>null</c> when none fired.</param>
/// <param name="Message">The decision in words, with the values the rule saw.</param>
/// <param name="MaxInstancesReached">Whether a scale-up rule fired while the cluster already has <c>maxInstances</c>.</param>
/// <param name="NextScaleTime">When the cooldown after the last scaling event ends; <c>null</c> when no event happened yet.</param>
internal sealed record ScaleDecision(
    int DesiredReplicas,
    ScaleDirection Direction,
    string? Rule,
    string Message,
    bool MaxInstancesReached,
    DateTimeOffset? NextScaleTime)
{
    public bool Scales => Direction != ScaleDirection.None;
}
