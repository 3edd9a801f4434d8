using Microsoft.Extensions.Logging;

namespace GbOperator.Controllers.BotClusters;

/// <summary>Sends one health-check request to an instance through its proxy device.</summary>
internal sealed class HealthProber(HttpClient httpClient, ILogger<HealthProber> logger)
{
    /// <summary>Returns whether <c>GET http://127.0.0.1:PORT/PATH</c> returned 2xx within <paramref name="timeout"/>.</summary>
    public async Task<bool> ProbeAsync(string instance, int hostPort, string path, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var uri = new Uri($"http://127.0.0.1:{hostPort}{path}");
        try
        {
            using var response = await httpClient.GetAsync(uri, deadline.Token);
            if (!response.IsSuccessStatusCode)
            {
                BotClusterLog.HealthCheckStatus(logger, instance, uri, (int)response.StatusCode);
            }

            return response.IsSuccessStatusCode;
        }
        catch (Exception exception) when (exception is HttpRequestException || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            BotClusterLog.HealthCheckFailed(logger, instance, uri, exception.Message);
            return false;
        }
    }
}
