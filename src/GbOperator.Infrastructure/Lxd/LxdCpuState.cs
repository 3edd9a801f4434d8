using System.Text.Json.Serialization;

namespace GbOperator.Infrastructure.Lxd;

/// <summary>CPU part of an instance's state.</summary>
public sealed record LxdCpuState
{
    /// <summary>Cumulative CPU time in nanoseconds; derive a rate from two samples.</summary>
    [JsonPropertyName("usage")]
    public long UsageNanoseconds { get; init; }
}
