namespace GbOperator.Controllers.BotClusters;

/// <summary>Ranks instances from least to most busy, to choose which one a scale-down drains.</summary>
/// <remarks>
/// When the autoscaler measured the CPU use of every ready candidate, CPU ranks first, in bands of
/// <see cref="CpuBand"/> points so that measurement noise does not decide; established connections break ties.
/// Otherwise connections alone rank. Request rates are not used: Caddy counts requests per server, not per instance.
/// </remarks>
internal static class LeastBusy
{
    /// <summary>Width in percentage points of the CPU bands whose members count as equally busy.</summary>
    public const double CpuBand = 5;

    /// <summary>Returns whether CPU can rank <paramref name="candidates"/>: every ready one has a measured CPU use.</summary>
    public static bool CanUseCpu(IEnumerable<InstanceView> candidates)
    {
        var ready = candidates.Where(instance => instance.Ready).ToList();
        return ready.Count > 0 && ready.All(instance => instance.CpuPercent is not null);
    }

    /// <summary>Returns the sort key of <paramref name="instance"/>: lower is less busy.</summary>
    /// <param name="instance">The candidate.</param>
    /// <param name="useCpu">The result of <see cref="CanUseCpu"/> for all candidates.</param>
    public static (double CpuBand, int Connections) Key(InstanceView instance, bool useCpu)
    {
        ArgumentNullException.ThrowIfNull(instance);
        double band = useCpu ? Math.Floor((instance.CpuPercent ?? double.MaxValue) / CpuBand) : 0;
        return (band, instance.Connections);
    }
}
