namespace GbOperator.Benchmarks.Cases.Convergence;

/// <summary>Waits until instances pass their health check through their proxy devices.</summary>
internal static class HealthWaiter
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    /// <summary>Polls <c>GET http://127.0.0.1:PORT/health</c> on every port until each has returned 200 once.</summary>
    /// <exception cref="TimeoutException">A port did not return 200 within <paramref name="timeout"/>.</exception>
    public static async Task WaitAllAsync(HttpClient client, IEnumerable<int> ports, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await Task.WhenAll(ports.Select(port => WaitOneAsync(client, port, deadline.Token)));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"Not every instance returned 200 on /health within {timeout.TotalSeconds:0} s.");
        }
    }

    private static async Task WaitOneAsync(HttpClient client, int port, CancellationToken cancellationToken)
    {
        var uri = new Uri($"http://127.0.0.1:{port}/health");
        while (true)
        {
            try
            {
                using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                attempt.CancelAfter(TimeSpan.FromSeconds(1));
                using var response = await client.GetAsync(uri, attempt.Token);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                // Not listening yet: the container or its HTTP server is still starting.
            }

            // A poll interval between attempts, not a synchronisation: the loop ends on the condition.
            await Task.Delay(PollInterval, cancellationToken);
        }
    }
}
