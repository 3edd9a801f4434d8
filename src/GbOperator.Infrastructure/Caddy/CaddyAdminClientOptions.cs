using GbOperator.Infrastructure.Resilience;

namespace GbOperator.Infrastructure.Caddy;

/// <summary>Settings of a <see cref="CaddyAdminClient"/>.</summary>
public sealed record CaddyAdminClientOptions
{
    /// <summary>Base URL of Caddy's admin API on a loopback TCP listener.</summary>
    /// <value><c>http://127.0.0.1:2019</c>, Caddy's default admin address.</value>
    /// <remarks>Caddy rejects a Host header other than its listen address with 403, so give the address Caddy listens on.</remarks>
    public Uri AdminUrl { get; init; } = new("http://127.0.0.1:2019");

    /// <summary>Retry, circuit breaker and per-attempt timeout settings.</summary>
    public ClientResilienceOptions Resilience { get; init; } = new();

    /// <summary>Throws <see cref="ArgumentException"/> when a setting is invalid.</summary>
    public void Validate()
    {
        if (!AdminUrl.IsAbsoluteUri || AdminUrl.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException($"AdminUrl '{AdminUrl}' must be an absolute http or https URL, such as http://127.0.0.1:2019.", nameof(AdminUrl));
        }

        Resilience.Validate();
    }
}
