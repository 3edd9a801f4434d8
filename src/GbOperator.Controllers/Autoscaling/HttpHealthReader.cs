namespace GbOperator.Controllers.Autoscaling;

/// <summary>Reads health responses over HTTP on 127.0.0.1, as the BotCluster health prober reaches instances.</summary>
internal sealed class HttpHealthReader(HttpClient httpClient) : IHealthReader
{
    /// <inheritdoc/>
    public async Task<string> ReadAsync(int hostPort, string path, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var uri = new Uri($"http://127.0.0.1:{hostPort}{path}");
        try
        {
            using var response = await httpClient.GetAsync(uri, deadline.Token);
            response.EnsureSuccessStatusCode();
            return await response.Content.ReadAsStringAsync(deadline.Token);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"GET {uri} did not respond within {timeout.TotalSeconds:0.#} s.", exception);
        }
    }
}
