namespace GbOperator.Controllers.Autoscaling;

/// <summary>How the load of a cluster spreads over its instances: each instance's share of the cluster's CPU time.</summary>
/// <remarks>
/// CPU time is the load measure because LXD measures it for every instance, while Caddy counts requests per server,
/// not per upstream. The shares of a check add up to 1.
/// </remarks>
internal static class LoadDistribution
{
    /// <summary>Returns each instance's share of the summed CPU use, or an empty map when a value is missing or all are 0.</summary>
    public static IReadOnlyDictionary<string, double> Shares(IReadOnlyList<InstanceSample> instances)
    {
        ArgumentNullException.ThrowIfNull(instances);
        if (instances.Count == 0 || instances.Any(instance => instance.CpuPercent is null))
        {
            return new Dictionary<string, double>(StringComparer.Ordinal);
        }

        double total = instances.Sum(instance => instance.CpuPercent!.Value);
        if (total <= 0)
        {
            return new Dictionary<string, double>(StringComparer.Ordinal);
        }

        return instances.ToDictionary(instance => instance.Name, instance => instance.CpuPercent!.Value / total, StringComparer.Ordinal);
    }
}
