namespace GbOperator.Controllers.Autoscaling;

/// <summary>Reads the health response of an instance through the host port of its proxy device.</summary>
internal interface IHealthReader
{
    /// <summary>Returns the body of <c>GET http://127.0.0.1:PORT/PATH</c> when the response is 2xx within <paramref name="timeout"/>.</summary>
    /// <exception cref="HttpRequestException">The request failed or the status was not 2xx.</exception>
    /// <exception cref="TimeoutException">No response within <paramref name="timeout"/>.</exception>
    Task<string> ReadAsync(int hostPort, string path, TimeSpan timeout, CancellationToken cancellationToken);
}
