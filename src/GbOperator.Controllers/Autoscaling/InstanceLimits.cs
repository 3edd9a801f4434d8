using System.Globalization;

namespace GbOperator.Controllers.Autoscaling;

/// <summary>Reads LXD <c>limits.cpu</c> and <c>limits.memory</c> values as the metrics divide by them.</summary>
internal static class InstanceLimits
{
    private static readonly (string Suffix, double Factor)[] SizeUnits =
    [
        ("KiB", 1L << 10), ("MiB", 1L << 20), ("GiB", 1L << 30), ("TiB", 1L << 40), ("PiB", 1L << 50), ("EiB", 1L << 60),
        ("kB", 1e3), ("MB", 1e6), ("GB", 1e9), ("TB", 1e12), ("PB", 1e15), ("EB", 1e18), ("B", 1),
    ];

    /// <summary>Returns the cores an instance may use: a count such as <c>2</c>, or the CPUs a set such as <c>0-3</c> or <c>0,2</c> pins.</summary>
    /// <param name="limit">The <c>limits.cpu</c> value, or <c>null</c> for no limit, which means every host CPU.</param>
    /// <param name="hostCpus">CPUs of the host, used when there is no limit.</param>
    public static double CpuCores(string? limit, int hostCpus)
    {
        if (string.IsNullOrEmpty(limit))
        {
            return hostCpus;
        }

        if (int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out int count))
        {
            return Math.Max(1, count);
        }

        int cpus = 0;
        foreach (string part in limit.Split(','))
        {
            string[] range = part.Split('-');
            cpus += range.Length == 2
                ? int.Parse(range[1], CultureInfo.InvariantCulture) - int.Parse(range[0], CultureInfo.InvariantCulture) + 1
                : 1;
        }

        return Math.Max(1, cpus);
    }

    /// <summary>Returns the bytes an instance may use, from a size such as <c>256MiB</c> or a percentage of <paramref name="hostBytes"/>.</summary>
    /// <returns>The limit, or <c>null</c> when there is none or it cannot be read.</returns>
    public static double? MemoryBytes(string? limit, long hostBytes)
    {
        if (string.IsNullOrEmpty(limit))
        {
            return null;
        }

        if (limit.EndsWith('%'))
        {
            return double.TryParse(limit[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out double percent)
                ? hostBytes * percent / 100
                : null;
        }

        foreach (var (suffix, factor) in SizeUnits)
        {
            if (limit.EndsWith(suffix, StringComparison.Ordinal)
                && double.TryParse(limit[..^suffix.Length], NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
            {
                return value * factor;
            }
        }

        return double.TryParse(limit, NumberStyles.Float, CultureInfo.InvariantCulture, out double bytes) ? bytes : null;
    }
}
