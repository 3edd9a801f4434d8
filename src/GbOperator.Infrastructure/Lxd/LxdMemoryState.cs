using System.Text.Json.Serialization;

namespace GbOperator.Infrastructure.Lxd;

/// <summary>Memory part of an instance's state, in bytes. LXD 5.0 reports no total; read <c>limits.memory</c> instead.</summary>
public sealed record LxdMemoryState
{
    /// <summary>Current memory use in bytes.</summary>
    [JsonPropertyName("usage")]
    public long UsageBytes { get; init; }

    /// <summary>Highest memory use in bytes since the instance started.</summary>
    [JsonPropertyName("usage_peak")]
    public long UsagePeakBytes { get; init; }

    /// <summary>Current swap use in bytes.</summary>
    [JsonPropertyName("swap_usage")]
    public long SwapUsageBytes { get; init; }
}
