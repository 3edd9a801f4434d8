namespace GbOperator.Resources.BotClusters;

/// <summary>LXD resource limits of one instance.</summary>
public sealed record ContainerLimits
{
    /// <summary>LXD <c>limits.cpu</c>: a number of cores such as <c>4</c>, or pinned cores such as <c>0-3</c> or <c>0,2</c>.</summary>
    public string? Cpu { get; init; }

    /// <summary>LXD <c>limits.memory</c>: a size such as <c>8GB</c> or <c>512MiB</c>, or a percentage such as <c>50%</c>.</summary>
    public string? Memory { get; init; }

    /// <summary>LXD <c>limits.disk.priority</c>, from 0 (lowest) to 10 (highest).</summary>
    public int? DiskPriority { get; init; }

    /// <summary>Network bandwidth limits of the instance's NIC.</summary>
    public NetworkLimits Network { get; init; } = new();
}
