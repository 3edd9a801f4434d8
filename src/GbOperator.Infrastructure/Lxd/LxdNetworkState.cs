using System.Text.Json.Serialization;

namespace GbOperator.Infrastructure.Lxd;

/// <summary>One network interface in an instance's state.</summary>
public sealed record LxdNetworkState
{
    /// <summary>Interface state, such as <c>up</c>.</summary>
    [JsonPropertyName("state")]
    public string State { get; init; } = string.Empty;

    /// <summary>Interface type, such as <c>loopback</c> or <c>broadcast</c>.</summary>
    [JsonPropertyName("type")]
    public string Type { get; init; } = string.Empty;

    /// <summary>Traffic counters.</summary>
    [JsonPropertyName("counters")]
    public LxdNetworkCounters Counters { get; init; } = new();
}
