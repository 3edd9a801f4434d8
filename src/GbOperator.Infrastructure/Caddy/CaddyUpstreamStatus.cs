using System.Text.Json.Serialization;

namespace GbOperator.Infrastructure.Caddy;

/// <summary>One upstream from <c>GET /reverse_proxy/upstreams</c>. Caddy 2.6 reports no health flag here.</summary>
public sealed record CaddyUpstreamStatus
{
    /// <summary>Dial address, such as <c>127.0.0.1:18081</c>.</summary>
    [JsonPropertyName("address")]
    public required string Address { get; init; }

    /// <summary>Requests in flight to this upstream now.</summary>
    [JsonPropertyName("num_requests")]
    public int NumRequests { get; init; }

    /// <summary>Recent failures counted by passive health checks; kept across reloads, because the host pool is process-wide.</summary>
    [JsonPropertyName("fails")]
    public int Fails { get; init; }
}
