using System.Net;
using System.Text;
using System.Text.Json;
using GbOperator.Infrastructure.Resilience;
using Microsoft.Extensions.Logging;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace GbOperator.Infrastructure.Lxd;

/// <summary>
/// HTTP over LXD's unix socket: adds the project parameter, runs each request through the resilience pipeline,
/// unwraps the sync, async and error envelopes and waits for asynchronous operations.
/// </summary>
internal sealed class LxdTransport : IDisposable
{
    private readonly HttpClient _httpClient;
    private readonly ClientPipeline _pipeline;
    private readonly LxdClientOptions _options;
    private readonly TimeProvider _timeProvider;

    public LxdTransport(LxdClientOptions options, TimeProvider timeProvider, ILogger logger, HttpMessageHandler? handler = null)
    {
        options.Validate();
        _options = options;
        _timeProvider = timeProvider;
        _pipeline = new ClientPipeline("LXD", options.Resilience, timeProvider, logger);

        // The host name is ignored on the unix socket; the per-attempt timeout lives in the pipeline.
        _httpClient = new HttpClient(handler ?? UnixSocketHttpHandler.Create(options.SocketPath))
        {
            BaseAddress = new Uri("http://lxd"),
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    /// <summary>Sends a request and returns the raw successful response; an error envelope throws <see cref="LxdException"/>.</summary>
    /// <param name="path">Path and query without the project parameter, such as <c>/1.0/instances?recursion=1</c>.</param>
    /// <param name="content">Creates the body for each attempt; null sends none.</param>
    public async Task<LxdResponse> SendAsync(
        LxdCall call,
        HttpMethod method,
        string path,
        Func<HttpContent>? content,
        IReadOnlyDictionary<string, string>? headers,
        CancellationToken cancellationToken)
    {
        string uri = AddProject(path, call.Project);
        try
        {
            return await _pipeline.ExecuteAsync(
                call.ToClientCall(),
                async attemptToken =>
                {
                    using var request = new HttpRequestMessage(method, uri);
                    request.Content = content?.Invoke();
                    foreach ((string name, string value) in headers ?? new Dictionary<string, string>())
                    {
                        request.Headers.TryAddWithoutValidation(name, value);
                    }

                    using HttpResponseMessage response = await _httpClient.SendAsync(request, attemptToken);
                    byte[] body = await response.Content.ReadAsByteArrayAsync(attemptToken);
                    if (!response.IsSuccessStatusCode)
                    {
                        ThrowError(call, response.StatusCode, body);
                    }

                    return new LxdResponse(response.StatusCode, body, response.Headers);
                },
                cancellationToken);
        }
        catch (TransientHttpStatusException exception)
        {
            throw new LxdException(call.Operation, call.Project, call.Instance, exception.ServerMessage, exception.StatusCode, exception);
        }
        catch (Exception exception) when (exception is HttpRequestException or TimeoutRejectedException or BrokenCircuitException)
        {
            throw new LxdUnavailableException(call.Operation, call.Project, call.Instance, DescribeUnavailable(exception), exception);
        }
    }

    /// <summary>Sends a request whose response is a sync envelope and returns its <c>metadata</c>.</summary>
    public async Task<JsonElement> SendSyncAsync(
        LxdCall call, HttpMethod method, string path, object? body, IReadOnlyDictionary<string, string>? headers, CancellationToken cancellationToken)
    {
        LxdResponse response = await SendAsync(call, method, path, JsonBody(body), headers, cancellationToken);
        return ReadMetadata(response.Body);
    }

    /// <summary>
    /// Sends a request that LXD may run as an operation and waits until it ends. Returns the operation's own
    /// <c>metadata</c> (such as an exec's output paths), or the sync envelope's metadata when LXD completed the request at once.
    /// </summary>
    public async Task<JsonElement> SendAndWaitAsync(
        LxdCall call, HttpMethod method, string path, object? body, IReadOnlyDictionary<string, string>? headers, CancellationToken cancellationToken)
    {
        LxdResponse response = await SendAsync(call, method, path, JsonBody(body), headers, cancellationToken);
        using JsonDocument document = JsonDocument.Parse(response.Body);
        JsonElement root = document.RootElement;
        if (GetString(root, "type") != "async")
        {
            return ReadMetadata(response.Body);
        }

        string operation = GetString(root, "operation")
            ?? throw new LxdException(call.Operation, call.Project, call.Instance, "LXD returned an async response without an operation URL");
        return await WaitForOperationAsync(call, operation, cancellationToken);
    }

    public void Dispose() => _httpClient.Dispose();

    /// <summary>
    /// Waits for an operation in slices of <see cref="LxdClientOptions.OperationWaitSlice"/> until it ends or
    /// <see cref="LxdClientOptions.OperationTimeout"/> passes. LXD 5.0.2 returns the still-running operation
    /// when a wait times out, so the status code decides.
    /// </summary>
    private async Task<JsonElement> WaitForOperationAsync(LxdCall call, string operationUrl, CancellationToken cancellationToken)
    {
        string operationId = operationUrl[(operationUrl.LastIndexOf('/') + 1)..];
        var waitCall = call with { Idempotent = true };
        long started = _timeProvider.GetTimestamp();

        while (true)
        {
            TimeSpan remaining = _options.OperationTimeout - _timeProvider.GetElapsedTime(started);
            if (remaining <= TimeSpan.Zero)
            {
                throw new LxdUnavailableException(call.Operation, call.Project, call.Instance,
                    $"operation {operationId} did not finish within {_options.OperationTimeout}; it may still complete, so re-read the instance");
            }

            int waitSeconds = (int)Math.Ceiling(Math.Min(remaining.TotalSeconds, _options.OperationWaitSlice.TotalSeconds));
            JsonElement operation;
            try
            {
                operation = await SendSyncAsync(
                    waitCall, HttpMethod.Get, $"/1.0/operations/{operationId}/wait?timeout={waitSeconds}", null, null, cancellationToken);
            }
            catch (LxdNotFoundException exception)
            {
                // LXD keeps a finished operation for about 5 seconds only.
                throw new LxdException(call.Operation, call.Project, call.Instance,
                    $"operation {operationId} is no longer known to LXD, so its result is unknown; re-read the instance", innerException: exception);
            }

            int statusCode = operation.TryGetProperty("status_code", out JsonElement code) ? code.GetInt32() : 0;
            switch (statusCode)
            {
                case LxdStatusCodes.Success:
                    return operation.TryGetProperty("metadata", out JsonElement metadata) ? metadata.Clone() : default;
                case LxdStatusCodes.Failure:
                case LxdStatusCodes.Cancelled:
                    string error = GetString(operation, "err") is { Length: > 0 } text ? text : $"operation {operationId} ended with status {statusCode}";
                    throw new LxdException(call.Operation, call.Project, call.Instance, error);
            }
        }
    }

    private static string AddProject(string path, string project) =>
        $"{path}{(path.Contains('?', StringComparison.Ordinal) ? '&' : '?')}project={Uri.EscapeDataString(project)}";

    private static Func<HttpContent>? JsonBody(object? body)
    {
        if (body is null)
        {
            return null;
        }

        byte[] json = JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), LxdJson.Options);
        return () =>
        {
            var content = new ByteArrayContent(json);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            return content;
        };
    }

    private static JsonElement ReadMetadata(byte[] body)
    {
        using JsonDocument document = JsonDocument.Parse(body);
        return document.RootElement.TryGetProperty("metadata", out JsonElement metadata) ? metadata.Clone() : default;
    }

    /// <summary>Throws the exception that an error response maps to; 5xx becomes transient for the pipeline.</summary>
    private static void ThrowError(LxdCall call, HttpStatusCode statusCode, byte[] body)
    {
        string error = ReadError(body) ?? $"HTTP {(int)statusCode} {statusCode}";
        if ((int)statusCode >= 500)
        {
            throw new TransientHttpStatusException(statusCode, error);
        }

        throw statusCode switch
        {
            HttpStatusCode.NotFound => new LxdNotFoundException(call.Operation, call.Project, call.Instance, error),
            HttpStatusCode.Conflict or HttpStatusCode.PreconditionFailed => new LxdConflictException(call.Operation, call.Project, call.Instance, error, statusCode),
            _ => new LxdException(call.Operation, call.Project, call.Instance, error, statusCode),
        };
    }

    private static string? ReadError(byte[] body)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(body);
            return GetString(document.RootElement, "error") is { Length: > 0 } error ? error : null;
        }
        catch (JsonException)
        {
            return body.Length == 0 ? null : Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 500));
        }
    }

    private static string? GetString(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out JsonElement value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private string DescribeUnavailable(Exception exception) => exception switch
    {
        BrokenCircuitException => "the circuit to LXD is open after repeated failures; calls fail fast until it closes",
        TimeoutRejectedException => $"LXD did not respond within {_options.Resilience.AttemptTimeout}",
        _ => $"LXD is unreachable at {_options.SocketPath}: {exception.Message}",
    };
}
