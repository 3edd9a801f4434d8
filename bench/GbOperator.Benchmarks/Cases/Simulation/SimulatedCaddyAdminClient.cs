using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using GbOperator.Infrastructure.Caddy;

namespace GbOperator.Benchmarks.Cases.Simulation;

/// <summary>
/// An in-memory simulation of Caddy's admin API behind <see cref="ICaddyAdminClient"/>, for scale benchmarks: the
/// configuration is a JSON tree that reads copy and writes replace, and nothing listens.
/// </summary>
/// <remarks>
/// It serves the whole configuration (<c>/config/</c>) with an ETag and applies <c>If-Match</c> the way Caddy does,
/// which is what the BotCluster reconciler uses. Other paths and the upstream statistics throw
/// <see cref="NotSupportedException"/>, so a reconciler that starts using them shows up here instead of reading
/// made-up data. The ETag is a change counter rather than Caddy's hash.
/// </remarks>
internal sealed class SimulatedCaddyAdminClient : ICaddyAdminClient
{
    private readonly Lock _lock = new();
    private JsonObject _config = new();
    private long _version;
    private long _writes;

    /// <summary>Number of accepted configuration changes.</summary>
    public long Writes => Interlocked.Read(ref _writes);

    public Task<CaddyConfigValue> GetAsync(CaddyConfigPath path, CancellationToken cancellationToken)
    {
        RequireRoot(path, "GET");
        lock (_lock)
        {
            return Task.FromResult(new CaddyConfigValue(_config.DeepClone(), ETag()));
        }
    }

    public Task LoadAsync(JsonNode config, CancellationToken cancellationToken)
    {
        Replace(config, ifMatch: null, "load");
        return Task.CompletedTask;
    }

    public Task PostAsync(CaddyConfigPath path, JsonNode value, string? ifMatch, CancellationToken cancellationToken)
    {
        RequireRoot(path, "POST");
        Replace(value, ifMatch, "POST /config/");
        return Task.CompletedTask;
    }

    public Task PutAsync(CaddyConfigPath path, JsonNode value, string? ifMatch, CancellationToken cancellationToken) =>
        throw Unsupported("PUT", path);

    public Task PatchAsync(CaddyConfigPath path, JsonNode value, string? ifMatch, CancellationToken cancellationToken) =>
        throw Unsupported("PATCH", path);

    public Task DeleteAsync(CaddyConfigPath path, string? ifMatch, CancellationToken cancellationToken) =>
        throw Unsupported("DELETE", path);

    public Task<IReadOnlyList<CaddyUpstreamStatus>> GetUpstreamsAsync(CancellationToken cancellationToken) =>
        throw new NotSupportedException("The Caddy simulation serves no traffic, so it has no upstream statistics.");

    public Task<string> GetMetricsAsync(CancellationToken cancellationToken) =>
        throw new NotSupportedException("The Caddy simulation serves no traffic, so it has no request metrics.");

    /// <summary>Counts the HTTP servers whose routes dial exactly <paramref name="upstreams"/> distinct addresses.</summary>
    public int CountServersWithUpstreams(int upstreams)
    {
        lock (_lock)
        {
            if (_config["apps"]?["http"]?["servers"] is not JsonObject servers)
            {
                return 0;
            }

            return servers.Count(server => server.Value is not null && Dials(server.Value).Distinct(StringComparer.Ordinal).Count() == upstreams);
        }
    }

    private void Replace(JsonNode value, string? ifMatch, string operation)
    {
        ArgumentNullException.ThrowIfNull(value);
        lock (_lock)
        {
            if (ifMatch is not null && ifMatch != ETag())
            {
                throw new CaddyAdminException(operation, "/config/", "If-Match header did not match the current configuration", HttpStatusCode.PreconditionFailed);
            }

            _config = value.DeepClone() as JsonObject
                ?? throw new CaddyAdminException(operation, "/config/", "the configuration must be a JSON object", HttpStatusCode.BadRequest);
            _version++;
            Interlocked.Increment(ref _writes);
        }
    }

    private string ETag() => "\"/config/ " + _version.ToString(CultureInfo.InvariantCulture) + "\"";

    private static IEnumerable<string> Dials(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj)
                {
                    if (key == "dial" && child is JsonValue dial)
                    {
                        yield return dial.ToString();
                    }
                    else if (child is not null)
                    {
                        foreach (string inner in Dials(child))
                        {
                            yield return inner;
                        }
                    }
                }

                break;
            case JsonArray array:
                foreach (var child in array.OfType<JsonNode>())
                {
                    foreach (string inner in Dials(child))
                    {
                        yield return inner;
                    }
                }

                break;
        }
    }

    private static void RequireRoot(CaddyConfigPath path, string method)
    {
        if (path != CaddyConfigPath.Root)
        {
            throw Unsupported(method, path);
        }
    }

    private static NotSupportedException Unsupported(string method, CaddyConfigPath path) =>
        new($"The Caddy simulation implements GET and POST of /config/ and /load only, not {method} {path}.");
}
