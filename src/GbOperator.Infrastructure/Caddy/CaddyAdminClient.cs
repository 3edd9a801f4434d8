using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GbOperator.Infrastructure.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace GbOperator.Infrastructure.Caddy;

/// <summary><see cref="ICaddyAdminClient"/> over HTTP to Caddy's admin endpoint.</summary>
/// <remarks>Thread-safe; create one per admin endpoint and dispose it with the host.</remarks>
public sealed class CaddyAdminClient : ICaddyAdminClient, IDisposable
{
    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json");

    private readonly HttpClient _httpClient;
    private readonly ClientPipeline _pipeline;
    private readonly CaddyAdminClientOptions _options;
    private readonly ILogger _logger;

    /// <summary>Creates a client for the admin URL in <paramref name="options"/>.</summary>
    /// <param name="timeProvider">Clock for timeouts and backoff; null uses the system clock.</param>
    public CaddyAdminClient(CaddyAdminClientOptions options, ILogger<CaddyAdminClient>? logger = null, TimeProvider? timeProvider = null)
        : this(options, logger ?? (ILogger)NullLogger.Instance, timeProvider ?? TimeProvider.System, handler: null)
    {
    }

    internal CaddyAdminClient(CaddyAdminClientOptions options, ILogger logger, TimeProvider timeProvider, HttpMessageHandler? handler)
    {
        options.Validate();
        _options = options;
        _logger = logger;
        _pipeline = new ClientPipeline("Caddy", options.Resilience, timeProvider, logger);
        _httpClient = new HttpClient(handler ?? new SocketsHttpHandler())
        {
            BaseAddress = options.AdminUrl,
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    /// <inheritdoc/>
    public async Task<CaddyConfigValue> GetAsync(CaddyConfigPath path, CancellationToken cancellationToken)
    {
        (byte[] body, string? etag) = await SendAsync("get", HttpMethod.Get, path.RequestPath, null, null, idempotent: true, cancellationToken);

        // Caddy 2.6 sends the ETag as a trailer; a /config path lets the client compute the same value itself.
        if (etag is null && path.RequestPath.StartsWith("/config/", StringComparison.Ordinal))
        {
            etag = CaddyEtag.Compute(path.RequestPath, body);
        }

        JsonNode? value = body.Length == 0 ? null : JsonNode.Parse(body);
        return new CaddyConfigValue(value, etag);
    }

    /// <inheritdoc/>
    public async Task LoadAsync(JsonNode config, CancellationToken cancellationToken)
    {
        byte[] json = JsonSerializer.SerializeToUtf8Bytes(config);
        await SendAsync("load", HttpMethod.Post, "/load", json, null, idempotent: true, cancellationToken);
        CaddyLog.Loaded(_logger, _options.AdminUrl, json.Length);

        // Caddy sends the /load response before its old admin server has shut down, and that shutdown resets connections
        // accepted in between. A read, which the pipeline may repeat, lets the next change reach the new server.
        // NOTE: this narrows the window rather than closing it, so a later POST can still fail once.
        await SendAsync("get", HttpMethod.Get, "/config/", null, null, idempotent: true, cancellationToken);
    }

    /// <inheritdoc/>
    public Task PostAsync(CaddyConfigPath path, JsonNode value, string? ifMatch, CancellationToken cancellationToken) =>
        ChangeAsync("post", HttpMethod.Post, path, value, ifMatch, idempotent: false, cancellationToken);

    /// <inheritdoc/>
    public Task PutAsync(CaddyConfigPath path, JsonNode value, string? ifMatch, CancellationToken cancellationToken) =>
        ChangeAsync("put", HttpMethod.Put, path, value, ifMatch, idempotent: false, cancellationToken);

    /// <inheritdoc/>
    public Task PatchAsync(CaddyConfigPath path, JsonNode value, string? ifMatch, CancellationToken cancellationToken) =>
        ChangeAsync("patch", HttpMethod.Patch, path, value, ifMatch, idempotent: true, cancellationToken);

    /// <inheritdoc/>
    public Task DeleteAsync(CaddyConfigPath path, string? ifMatch, CancellationToken cancellationToken) =>
        ChangeAsync("delete", HttpMethod.Delete, path, value: null, ifMatch, idempotent: true, cancellationToken);

    /// <inheritdoc/>
    public async Task<IReadOnlyList<CaddyUpstreamStatus>> GetUpstreamsAsync(CancellationToken cancellationToken)
    {
        (byte[] body, _) = await SendAsync("get upstreams", HttpMethod.Get, "/reverse_proxy/upstreams", null, null, idempotent: true, cancellationToken);
        return JsonSerializer.Deserialize<List<CaddyUpstreamStatus>>(body) ?? [];
    }

    /// <inheritdoc/>
    public async Task<string> GetMetricsAsync(CancellationToken cancellationToken)
    {
        (byte[] body, _) = await SendAsync("get metrics", HttpMethod.Get, "/metrics", null, null, idempotent: true, cancellationToken);
        return Encoding.UTF8.GetString(body);
    }

    /// <inheritdoc/>
    public void Dispose() => _httpClient.Dispose();

    private async Task ChangeAsync(
        string operation, HttpMethod method, CaddyConfigPath path, JsonNode? value, string? ifMatch, bool idempotent, CancellationToken cancellationToken)
    {
        byte[]? json = value is null ? null : JsonSerializer.SerializeToUtf8Bytes(value);
        await SendAsync(operation, method, path.RequestPath, json, ifMatch, idempotent, cancellationToken);
        CaddyLog.Changed(_logger, method.Method, path.RequestPath);
    }

    /// <summary>Sends one request through the pipeline and returns the body and the ETag trailer or header.</summary>
    private async Task<(byte[] Body, string? ETag)> SendAsync(
        string operation, HttpMethod method, string path, byte[]? json, string? ifMatch, bool idempotent, CancellationToken cancellationToken)
    {
        try
        {
            return await _pipeline.ExecuteAsync(
                new ClientCall(operation, path, idempotent),
                async attemptToken =>
                {
                    // Caddy 2.6 restarts its admin server after every config change and closes idle
                    // connections, so a reused connection can fail a POST or PUT that must not be repeated.
                    using var request = new HttpRequestMessage(method, path) { Headers = { ConnectionClose = true } };
                    if (json is not null)
                    {
                        request.Content = new ByteArrayContent(json);
                        request.Content.Headers.ContentType = JsonMediaType;
                    }

                    if (ifMatch is not null)
                    {
                        // Caddy's ETag contains a space, which the typed If-Match header rejects.
                        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
                    }

                    using HttpResponseMessage response = await _httpClient.SendAsync(request, attemptToken);
                    byte[] body = await response.Content.ReadAsByteArrayAsync(attemptToken);
                    if (!response.IsSuccessStatusCode)
                    {
                        ThrowError(operation, path, response.StatusCode, body);
                    }

                    // Trailers are available only after the body has been read.
                    return (body, ReadEtag(response));
                },
                cancellationToken);
        }
        catch (TransientHttpStatusException exception)
        {
            throw new CaddyAdminException(operation, path, exception.ServerMessage, exception.StatusCode, exception);
        }
        catch (Exception exception) when (exception is HttpRequestException or TimeoutRejectedException or BrokenCircuitException)
        {
            string reason = exception switch
            {
                BrokenCircuitException => "the circuit to Caddy is open after repeated failures; calls fail fast until it closes",
                TimeoutRejectedException => $"Caddy did not respond within {_options.Resilience.AttemptTimeout}",
                _ => $"Caddy's admin API is unreachable at {_options.AdminUrl}: {exception.Message}",
            };
            throw new CaddyUnavailableException(operation, path, reason, exception);
        }
    }

    private static string? ReadEtag(HttpResponseMessage response)
    {
        if (response.TrailingHeaders.NonValidated.TryGetValues("ETag", out HeaderStringValues trailer))
        {
            return trailer.ToString();
        }

        return response.Headers.NonValidated.TryGetValues("ETag", out HeaderStringValues header) ? header.ToString() : null;
    }

    /// <summary>
    /// Throws the exception an error response maps to. Only 502, 503 and 504 are transient: Caddy 2.6.2 returns
    /// 500 for a rejected config change, which repeating does not fix.
    /// </summary>
    private static void ThrowError(string operation, string path, HttpStatusCode statusCode, byte[] body)
    {
        string error = ReadError(body) ?? $"HTTP {(int)statusCode} {statusCode}";
        if (statusCode is HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout)
        {
            throw new TransientHttpStatusException(statusCode, error);
        }

        throw new CaddyAdminException(operation, path, error, statusCode);
    }

    private static string? ReadError(byte[] body)
    {
        try
        {
            return JsonNode.Parse(body)?["error"]?.GetValue<string>();
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            return body.Length == 0 ? null : System.Text.Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 500));
        }
    }
}
