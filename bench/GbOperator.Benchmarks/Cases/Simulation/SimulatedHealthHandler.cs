using System.Net;

namespace GbOperator.Benchmarks.Cases.Simulation;

/// <summary>
/// A simulated network for health checks: every request returns 200 at once without leaving the process, as a
/// healthy botserver would.
/// </summary>
internal sealed class SimulatedHealthHandler : HttpMessageHandler
{
    private long _requests;

    /// <summary>Number of requests handled.</summary>
    public long Requests => Interlocked.Read(ref _requests);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _requests);
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request, Content = new StringContent("""{"status":"ok"}""") });
    }
}
