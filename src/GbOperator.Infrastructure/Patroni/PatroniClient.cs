using System.Net;
using System.Text;
using System.Text.Json;
using GbOperator.Infrastructure.Resilience;
using Microsoft.Extensions.Logging;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace GbOperator.Infrastructure.Patroni;

/// <summary>Client of the REST API of a Patroni cluster: <c>/cluster</c>, <c>/leader</c> and <c>/switchover</c>.</summary>
/// <remarks>
/// Reads go through a <see cref="BackendPipeline"/>, so repeated failures open its circuit, and ask the members in
/// order until one responds. Thread-safe. The <see cref="HttpClient"/> is the caller's and must have no timeout
/// shorter than <see cref="BreakerSettings.AttemptTimeout"/>.
/// </remarks>
public sealed class PatroniClient
{
    /// <summary>Longest wait for a switchover: Patroni 3.0.2 responds within about 2 * max(10 s, loop_wait).</summary>
    private static readonly TimeSpan SwitchoverTimeout = TimeSpan.FromSeconds(60);

    private readonly HttpClient _http;
    private readonly IReadOnlyList<Uri> _endpoints;
    private readonly BackendPipeline _pipeline;
    private readonly ILogger _logger;

    /// <param name="http">HTTP client for every request.</param>
    /// <param name="endpoints">REST API base URLs of the members, such as <c>http://127.0.0.1:8008</c>.</param>
    /// <param name="pipeline">Circuit breaker and timeout in front of every read.</param>
    /// <param name="logger">Logger of failed requests.</param>
    public PatroniClient(HttpClient http, IReadOnlyList<Uri> endpoints, BackendPipeline pipeline, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(pipeline);
        if (endpoints.Count == 0)
        {
            throw new ArgumentException("Give at least one Patroni REST API endpoint.", nameof(endpoints));
        }

        _http = http;
        _endpoints = endpoints;
        _pipeline = pipeline;
        _logger = logger;
    }

    /// <summary>State of the circuit in front of Patroni.</summary>
    public BreakerState CircuitState => _pipeline.State;

    /// <summary>Reads <c>GET /cluster</c> from the first member that responds.</summary>
    /// <exception cref="PatroniUnavailableException">No member responded, or the circuit is open.</exception>
    public Task<PatroniCluster> GetClusterAsync(CancellationToken cancellationToken) =>
        ExecuteAsync("read the cluster", async token =>
        {
            var errors = new List<string>();
            foreach (Uri endpoint in _endpoints)
            {
                try
                {
                    using var response = await _http.GetAsync(new Uri(endpoint, "cluster"), token);
                    byte[] body = await response.Content.ReadAsByteArrayAsync(token);
                    if (response.IsSuccessStatusCode)
                    {
                        return PatroniClusterParser.Parse(body, endpoint);
                    }

                    errors.Add($"{endpoint}: {(int)response.StatusCode} {Encoding.UTF8.GetString(body).Trim()}");
                }
                catch (Exception exception) when (exception is HttpRequestException or FormatException or JsonException)
                {
                    errors.Add($"{endpoint}: {exception.Message}");
                }
            }

            throw new PatroniUnavailableException($"No Patroni member returned the cluster: {string.Join("; ", errors)}.");
        }, cancellationToken);

    /// <summary>
    /// Checks with <c>GET /leader</c> whether one member owns the leader key. Right after a switchover the new leader
    /// may still be finishing its promotion, so a caller confirms with this before it sends clients there.
    /// </summary>
    /// <exception cref="PatroniUnavailableException">The member did not respond, or the circuit is open.</exception>
    public Task<bool> IsLeaderAsync(Uri apiUrl, CancellationToken cancellationToken) =>
        ExecuteAsync("check the leader", async token =>
        {
            try
            {
                using var response = await _http.GetAsync(new Uri(apiUrl, "leader"), token);
                return response.StatusCode == HttpStatusCode.OK;
            }
            catch (HttpRequestException exception)
            {
                throw new PatroniUnavailableException($"Patroni member {apiUrl} did not respond to GET /leader: {exception.Message}", exception);
            }
        }, cancellationToken);

    /// <summary>
    /// Asks Patroni for a planned switchover from <paramref name="leader"/> to <paramref name="candidate"/>, or to any
    /// healthy replica when it is <c>null</c>. The request goes to the first member that accepts a connection.
    /// </summary>
    /// <exception cref="PatroniRequestException">Patroni rejected the switchover, such as for an unknown candidate (412).</exception>
    /// <exception cref="PatroniUnavailableException">No member accepted the request.</exception>
    public async Task<SwitchoverOutcome> SwitchoverAsync(string leader, string? candidate, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(leader);
        var request = new Dictionary<string, string> { ["leader"] = leader };
        if (candidate is not null)
        {
            request["candidate"] = candidate;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(SwitchoverTimeout);
        var errors = new List<string>();
        foreach (Uri endpoint in _endpoints)
        {
            HttpResponseMessage response;
            try
            {
                // Patroni's HTTP server rejects a chunked body with 411, so the body goes with a Content-Length.
                using var content = new StringContent(JsonSerializer.Serialize(request), Encoding.UTF8, "application/json");
                response = await _http.PostAsync(new Uri(endpoint, "switchover"), content, timeout.Token);
            }
            catch (HttpRequestException exception)
            {
                errors.Add($"{endpoint}: {exception.Message}");
                continue;
            }

            using (response)
            {
                string message = (await response.Content.ReadAsStringAsync(timeout.Token)).Trim();
                PatroniLog.SwitchoverAnswered(_logger, endpoint, leader, candidate ?? "any replica", (int)response.StatusCode, message);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return new SwitchoverOutcome(Completed: true, message);
                }

                // Patroni 3.0.2 returns 503 "Switchover status unknown" when the change did not finish in time, and it may still finish.
                if (response.StatusCode == HttpStatusCode.ServiceUnavailable && message.Contains("status unknown", StringComparison.OrdinalIgnoreCase))
                {
                    return new SwitchoverOutcome(Completed: false, message);
                }

                throw new PatroniRequestException(response.StatusCode, message);
            }
        }

        throw new PatroniUnavailableException($"No Patroni member accepted the switchover request: {string.Join("; ", errors)}.");
    }

    private async Task<T> ExecuteAsync<T>(string operation, Func<CancellationToken, Task<T>> action, CancellationToken cancellationToken)
    {
        try
        {
            return await _pipeline.ExecuteAsync(async token => await action(token), cancellationToken);
        }
        catch (BrokenCircuitException exception)
        {
            throw new PatroniUnavailableException($"The circuit to Patroni is open after repeated failures, so the controller did not {operation}; it retries after {_pipeline.Settings.BreakDuration}.", exception);
        }
        catch (TimeoutRejectedException exception)
        {
            throw new PatroniUnavailableException($"Patroni did not respond within {_pipeline.Settings.AttemptTimeout} when the controller tried to {operation}.", exception);
        }
    }
}
