using System.Text.Json.Serialization;

namespace GbOperator.Infrastructure.Lxd;

/// <summary>Live state of an instance from <c>GET /1.0/instances/{name}/state</c>. A stopped instance reports zeros.</summary>
public sealed record LxdInstanceState
{
    /// <summary>Status text, such as <c>Running</c>.</summary>
    [JsonPropertyName("status")]
    public string Status { get; init; } = string.Empty;

    /// <summary>Status code, see <see cref="LxdStatusCodes"/>.</summary>
    [JsonPropertyName("status_code")]
    public int StatusCode { get; init; }

    /// <summary>Host PID of the instance's init, 0 when stopped.</summary>
    [JsonPropertyName("pid")]
    public long Pid { get; init; }

    /// <summary>Number of processes in the instance.</summary>
    [JsonPropertyName("processes")]
    public long Processes { get; init; }

    /// <summary>CPU usage.</summary>
    [JsonPropertyName("cpu")]
    public LxdCpuState Cpu { get; init; } = new();

    /// <summary>Memory usage.</summary>
    [JsonPropertyName("memory")]
    public LxdMemoryState Memory { get; init; } = new();

    /// <summary>Network interfaces by name; null or only <c>lo</c> here, because containers get no NIC.</summary>
    [JsonPropertyName("network")]
    public IReadOnlyDictionary<string, LxdNetworkState>? Network { get; init; }
}
