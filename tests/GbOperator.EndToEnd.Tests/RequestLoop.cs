namespace GbOperator.EndToEnd.Tests;

/// <summary>
/// Sends GET requests one after another through Caddy until stopped, at most <c>maxRequests</c> times and for
/// at most <c>maxDuration</c>, and counts failures.
/// </summary>
internal sealed class RequestLoop : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly List<string> _failures = [];
    private int _succeeded;

    public RequestLoop(Uri uri, int maxRequests, TimeSpan maxDuration)
    {
        _stop.CancelAfter(maxDuration);
        _loop = Task.Run(async () =>
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            for (int i = 0; i < maxRequests && !_stop.IsCancellationRequested; i++)
            {
                try
                {
                    using var response = await http.GetAsync(uri);
                    if (response.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref _succeeded);
                    }
                    else
                    {
                        lock (_failures)
                        {
                            _failures.Add($"{(int)response.StatusCode} at {DateTime.UtcNow:HH:mm:ss.fff}");
                        }
                    }
                }
                catch (HttpRequestException exception)
                {
                    lock (_failures)
                    {
                        _failures.Add($"{exception.Message} at {DateTime.UtcNow:HH:mm:ss.fff}");
                    }
                }

                await Task.Delay(TimeSpan.FromMilliseconds(20));
            }
        });
    }

    public int Succeeded => Volatile.Read(ref _succeeded);

    public IReadOnlyList<string> Failures
    {
        get
        {
            lock (_failures)
            {
                return [.. _failures];
            }
        }
    }

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await _loop;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
    }
}
