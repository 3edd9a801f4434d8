using Microsoft.Extensions.Logging;

namespace GbOperator.Controllers.BotClusters;

/// <summary>Sends one health-check request to an instance through its proxy device.</summary>
internal sealed class HealthProber(HttpClient httpClient, ILogger<HealthProber> logger)
{
    /// <summary>Sends <c>GET http://127.0.0.1:PORT/PATH</c> with <paramref name="timeout"/>.</summary>
    /// <returns><c>null</c> when the response is 2xx, otherwise the failure, such as <c>HTTP 503</c> or the connection error.</returns>
    public async Task<string?> ProbeAsync(string instance, int hostPort, string path, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var uri = new Uri($"http://127.0.0.1:{hostPort}{path}");
        try
        {
            using var response = await httpClient.GetAsync(uri, deadline.Token);
            if (response.IsSuccessStatusCode)
            {
                return null;
            }

            BotClusterLog.HealthCheckStatus(logger, instance, uri, (int)response.StatusCode);
            return $"HTTP {(int)response.StatusCode} from {path}";
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            BotClusterLog.HealthCheckFailed(logger, instance, uri, "timed out");
            return $"{path} timed out after {timeout.TotalSeconds:0.###}s";
        }
        catch (HttpRequestException exception)
        {
            BotClusterLog.HealthCheckFailed(logger, instance, uri, exception.Message);
            return $"{path} failed: {exception.Message}";
        }
    }
}
