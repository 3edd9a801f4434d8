using System.Text.Json.Serialization;

namespace GbOperator.Infrastructure.Lxd;

/// <summary>Traffic counters of one network interface, cumulative since the interface came up.</summary>
public sealed record LxdNetworkCounters
{
    /// <summary>Bytes received.</summary>
    [JsonPropertyName("bytes_received")]
    public long BytesReceived { get; init; }

    /// <summary>Bytes sent.</summary>
    [JsonPropertyName("bytes_sent")]
    public long BytesSent { get; init; }

    /// <summary>Packets received.</summary>
    [JsonPropertyName("packets_received")]
    public long PacketsReceived { get; init; }

    /// <summary>Packets sent.</summary>
    [JsonPropertyName("packets_sent")]
    public long PacketsSent { get; init; }
}
