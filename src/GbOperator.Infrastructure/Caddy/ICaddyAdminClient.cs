using System.Text.Json.Nodes;

namespace GbOperator.Infrastructure.Caddy;

/// <summary>Client of Caddy's admin API, checked against Caddy 2.6.2.</summary>
/// <remarks>
/// <para>Every successful change makes Caddy re-provision its whole configuration, which closes open WebSocket
/// connections, so callers should batch changes and skip writes that change nothing.</para>
/// <para>Changes take an optional <c>ifMatch</c>: the <see cref="CaddyConfigValue.ETag"/> of an earlier read of the
/// same path. Caddy then applies the change only if that path still contains what was read, and otherwise throws
/// <see cref="CaddyAdminException"/> with <see cref="CaddyAdminException.IsPreconditionFailed"/> set.</para>
/// <para>Failures throw <see cref="CaddyAdminException"/> with Caddy's error text, or
/// <see cref="CaddyUnavailableException"/> when Caddy is unreachable after the retries. Reads, <c>/load</c>,
/// PATCH and DELETE are retried on transient failures; POST and PUT, which append or insert, only when the
/// request never reached Caddy.</para>
/// </remarks>
public interface ICaddyAdminClient
{
    /// <summary>Reads the value at <paramref name="path"/> and its ETag; a missing key returns a null value.</summary>
    Task<CaddyConfigValue> GetAsync(CaddyConfigPath path, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the whole configuration (<c>POST /load</c>). The config must carry the same <c>admin</c> object that
    /// Caddy runs with, or Caddy moves its admin endpoint back to <c>localhost:2019</c>. An identical config is a no-op.
    /// </summary>
    Task LoadAsync(JsonNode config, CancellationToken cancellationToken);

    /// <summary>Appends <paramref name="value"/> to the array at <paramref name="path"/>, or creates or replaces an object key (POST).</summary>
    Task PostAsync(CaddyConfigPath path, JsonNode value, string? ifMatch, CancellationToken cancellationToken);

    /// <summary>Inserts into the array at <paramref name="path"/>, or creates a key; fails when the key exists (PUT).</summary>
    Task PutAsync(CaddyConfigPath path, JsonNode value, string? ifMatch, CancellationToken cancellationToken);

    /// <summary>Replaces the existing value at <paramref name="path"/>; fails when it is missing (PATCH).</summary>
    Task PatchAsync(CaddyConfigPath path, JsonNode value, string? ifMatch, CancellationToken cancellationToken);

    /// <summary>Removes the value at <paramref name="path"/> (DELETE).</summary>
    Task DeleteAsync(CaddyConfigPath path, string? ifMatch, CancellationToken cancellationToken);

    /// <summary>
    /// Returns the reverse proxy upstreams of the running configuration with their in-flight request and failure
    /// counts (<c>GET /reverse_proxy/upstreams</c>).
    /// </summary>
    Task<IReadOnlyList<CaddyUpstreamStatus>> GetUpstreamsAsync(CancellationToken cancellationToken);

    /// <summary>Returns Caddy's Prometheus metrics in the text exposition format (<c>GET /metrics</c>).</summary>
    /// <remarks>Caddy 2.6 includes the <c>caddy_http_*</c> series only for servers that set the <c>metrics</c> option.</remarks>
    Task<string> GetMetricsAsync(CancellationToken cancellationToken);
}
