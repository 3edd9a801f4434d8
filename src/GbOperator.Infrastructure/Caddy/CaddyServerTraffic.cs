namespace GbOperator.Infrastructure.Caddy;

/// <summary>Cumulative reverse-proxy counters of one Caddy server, from Caddy's <c>caddy_http_*</c> metrics.</summary>
/// <remarks>
/// Caddy keeps the counters across configuration reloads, because its metrics are process-wide, and resets them
/// when it restarts. A server that has proxied no request yet has no series, which reads as zero requests.
/// </remarks>
/// <param name="Requests">Requests the <c>reverse_proxy</c> handler has served (<c>caddy_http_requests_total</c>).</param>
/// <param name="DurationSeconds">Sum of their round-trip durations (<c>caddy_http_request_duration_seconds_sum</c>).</param>
/// <param name="TimedRequests">Requests in that sum (<c>caddy_http_request_duration_seconds_count</c>).</param>
public sealed record CaddyServerTraffic(double Requests, double DurationSeconds, double TimedRequests)
{
    /// <summary>Sums the <c>reverse_proxy</c> series of the server named <paramref name="server"/> over every status code and method.</summary>
    public static CaddyServerTraffic From(IEnumerable<PrometheusSample> samples, string server)
    {
        ArgumentNullException.ThrowIfNull(samples);
        double requests = 0, durationSeconds = 0, timed = 0;
        foreach (var sample in samples)
        {
            if (sample.Labels.GetValueOrDefault("server") != server || sample.Labels.GetValueOrDefault("handler") != "reverse_proxy")
            {
                continue;
            }

            switch (sample.Name)
            {
                case "caddy_http_requests_total":
                    requests += sample.Value;
                    break;
                case "caddy_http_request_duration_seconds_sum":
                    durationSeconds += sample.Value;
                    break;
                case "caddy_http_request_duration_seconds_count":
                    timed += sample.Value;
                    break;
            }
        }

        return new CaddyServerTraffic(requests, durationSeconds, timed);
    }
}
