using GbOperator.Resources.BotClusters;
using k8s.Models;

namespace GbOperator.Controllers.Autoscaling;

/// <summary>The parts of BotCluster status that the autoscaler owns, and how other writers keep them.</summary>
/// <remarks>
/// The BotCluster reconciler and the autoscaler both write status. Each writes its own parts onto the object it
/// has just read, with that read's resourceVersion, so neither erases what the other wrote.
/// </remarks>
public static class AutoscalingStatusWriter
{
    /// <summary>Condition that is True while a scale-up rule fires and the cluster already has <c>maxInstances</c>.</summary>
    public const string MaxInstancesReached = "MaxInstancesReached";

    /// <summary>Returns <paramref name="status"/> with the autoscaler's parts taken from <paramref name="source"/>.</summary>
    public static BotClusterStatus KeepAutoscalerParts(BotClusterStatus status, BotClusterStatus? source)
    {
        ArgumentNullException.ThrowIfNull(status);
        var owned = source?.Conditions?.Where(IsOwned).ToList() ?? [];
        var conditions = (status.Conditions ?? []).Where(condition => !IsOwned(condition)).Concat(owned).ToList();
        return status with { Autoscaling = source?.Autoscaling, Conditions = conditions };
    }

    private static bool IsOwned(V1Condition condition) => condition.Type == MaxInstancesReached;
}
