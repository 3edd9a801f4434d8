namespace GbOperator.Controllers.BotClusters;

/// <summary>Decides how many instances to create and which ones to drain, one step at a time.</summary>
/// <remarks>
/// Failed instances are replaced and missing instances are created. A rollout surges one up-to-date instance and
/// drains an outdated one only after the new one is ready, so ready capacity stays at the desired count. A ready
/// instance is drained only while the remaining ready instances still cover the desired count. Among equals, the least
/// busy instance (see <see cref="LeastBusy"/>) drains first.
/// </remarks>
internal static class RolloutPlanner
{
    /// <param name="replicas">Desired instance count.</param>
    /// <param name="active">Instances that are not draining.</param>
    /// <param name="draining">Number of instances still draining; a rollout waits for them before its next surge.</param>
    public static RolloutPlan Plan(int replicas, IReadOnlyList<InstanceView> active, int draining)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(replicas);

        var replace = active.Where(instance => instance.Failed).Select(instance => instance.Name).ToList();
        var healthy = active.Where(instance => !instance.Failed).ToList();

        // Fill up first: missing capacity matters more than anything else.
        if (healthy.Count < replicas)
        {
            return new RolloutPlan(replicas - healthy.Count, [], replace);
        }

        var outdated = healthy.Where(instance => !instance.UpToDate).ToList();
        if (healthy.Count > replicas)
        {
            return new RolloutPlan(0, ChooseDrains(replicas, healthy, outdated.Count > 0), replace);
        }

        // At the desired count: surge one new instance once nothing up-to-date is starting and nothing drains.
        bool starting = healthy.Any(instance => instance.UpToDate && !instance.Ready);
        int surge = outdated.Count > 0 && !starting && draining == 0 ? 1 : 0;
        return new RolloutPlan(surge, [], replace);
    }

    /// <summary>Orders the least valuable instances first and picks as many as exceed the desired count.</summary>
    private static List<string> ChooseDrains(int replicas, List<InstanceView> healthy, bool rolling)
    {
        int excess = healthy.Count - replicas;
        int ready = healthy.Count(instance => instance.Ready);

        bool useCpu = LeastBusy.CanUseCpu(healthy);
        var candidates = healthy
            .OrderBy(instance => instance.UpToDate)
            .ThenBy(instance => instance.Ready)
            .ThenBy(instance => LeastBusy.Key(instance, useCpu))
            .ThenBy(instance => instance.CreatedAt)
            .ThenBy(instance => instance.Name, StringComparer.Ordinal);

        var drains = new List<string>();
        foreach (var instance in candidates)
        {
            if (drains.Count == excess)
            {
                break;
            }

            // An up-to-date instance that is still starting is the surge of a rollout: keep it.
            if (rolling && instance.UpToDate && !instance.Ready)
            {
                continue;
            }

            if (instance.Ready)
            {
                if (ready - 1 < replicas)
                {
                    continue;
                }

                ready--;
            }

            drains.Add(instance.Name);
        }

        return drains;
    }
}
