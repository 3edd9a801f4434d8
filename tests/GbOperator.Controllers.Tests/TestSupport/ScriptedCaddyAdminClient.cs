using System.Text.Json.Nodes;
using GbOperator.Infrastructure.Caddy;

namespace GbOperator.Controllers.Tests.TestSupport;

/// <summary>A Caddy admin client that returns the metrics text and upstreams a test sets, and throws for every other call.</summary>
internal sealed class ScriptedCaddyAdminClient : ICaddyAdminClient
{
    /// <summary>Text of the next <c>/metrics</c> reads, or <c>null</c> to fail as an unreachable Caddy does.</summary>
    public string? MetricsText { get; set; } = "";

    public List<CaddyUpstreamStatus> Upstreams { get; } = [];

    public Task<string> GetMetricsAsync(CancellationToken cancellationToken) =>
        MetricsText is { } text ? Task.FromResult(text) : throw new CaddyUnavailableException("get metrics", "/metrics", "scripted failure");

    public Task<IReadOnlyList<CaddyUpstreamStatus>> GetUpstreamsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<CaddyUpstreamStatus>>(Upstreams);

    public Task<CaddyConfigValue> GetAsync(CaddyConfigPath path, CancellationToken cancellationToken) => throw Unexpected();

    public Task LoadAsync(JsonNode config, CancellationToken cancellationToken) => throw Unexpected();

    public Task PostAsync(CaddyConfigPath path, JsonNode value, string? ifMatch, CancellationToken cancellationToken) => throw Unexpected();

    public Task PutAsync(CaddyConfigPath path, JsonNode value, string? ifMatch, CancellationToken cancellationToken) => throw Unexpected();

    public Task PatchAsync(CaddyConfigPath path, JsonNode value, string? ifMatch, CancellationToken cancellationToken) => throw Unexpected();

    public Task DeleteAsync(CaddyConfigPath path, string? ifMatch, CancellationToken cancellationToken) => throw Unexpected();

    private static NotSupportedException Unexpected() => new("The scripted Caddy client serves metrics and upstreams only.");
}
