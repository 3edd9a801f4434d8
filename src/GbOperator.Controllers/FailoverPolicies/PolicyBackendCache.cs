using System.Text.Json;
using GbOperator.Controllers.Runtime;
using GbOperator.Infrastructure.Patroni;
using GbOperator.Infrastructure.Resilience;
using GbOperator.Infrastructure.Sentinel;
using GbOperator.Resources;
using GbOperator.Resources.FailoverPolicies;
using Microsoft.Extensions.Logging;

namespace GbOperator.Controllers.FailoverPolicies;

/// <summary>
/// Keeps the Patroni and Sentinel clients of each FailoverPolicy between passes, so the circuit breakers keep their
/// state and the leader-key watch and <c>+switch-master</c> subscriptions stay open. A spec change rebuilds them.
/// </summary>
/// <remarks>Used by one worker at a time, as the reconciler is.</remarks>
internal sealed class PolicyBackendCache(HttpClient http, Action<ObjectKey> enqueue, TimeProvider timeProvider, ILoggerFactory loggerFactory)
    : IAsyncDisposable
{
    private readonly Dictionary<string, PolicyBackends> _byUid = new(StringComparer.Ordinal);
    private readonly ILogger _logger = loggerFactory.CreateLogger<PolicyBackendCache>();

    /// <summary>Returns the clients of <paramref name="policy"/>, building them when missing or when its spec changed.</summary>
    public async Task<PolicyBackends> GetAsync(FailoverPolicy policy, CancellationToken cancellationToken)
    {
        string uid = policy.Metadata.Uid;
        string fingerprint = Fingerprint(policy.Spec);
        if (_byUid.TryGetValue(uid, out var existing))
        {
            if (existing.Fingerprint == fingerprint)
            {
                return existing;
            }

            await existing.DisposeAsync();
            _byUid.Remove(uid);
        }

        var built = await BuildAsync(policy, fingerprint, cancellationToken);
        _byUid[uid] = built;
        return built;
    }

    /// <summary>Closes the clients of the policy with <paramref name="key"/>, or of an older policy of that name.</summary>
    public async Task RemoveAsync(ObjectKey key)
    {
        foreach (var (uid, backends) in _byUid.Where(pair => pair.Value.Key == key).ToList())
        {
            await backends.DisposeAsync();
            _byUid.Remove(uid);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var backends in _byUid.Values)
        {
            await backends.DisposeAsync();
        }

        _byUid.Clear();
    }

    private async Task<PolicyBackends> BuildAsync(FailoverPolicy policy, string fingerprint, CancellationToken cancellationToken)
    {
        var spec = policy.Spec;
        var key = ObjectKey.From(policy);
        var breaker = Breaker(spec);
        string name = $"{key.Namespace}/{key.Name}";

        PatroniClient? patroni = null;
        PatroniLeaderWatch? watch = null;
        if (spec.Patroni.Endpoints.Count > 0)
        {
            var endpoints = spec.Patroni.Endpoints.Select(endpoint => new Uri(endpoint.EndsWith('/') ? endpoint : endpoint + "/")).ToList();
            var pipeline = new BackendPipeline($"Patroni {spec.Patroni.Scope} of {name}", breaker, timeProvider, _logger,
                exception => exception is PatroniRequestException);
            patroni = new PatroniClient(http, endpoints, pipeline, _logger);
            if (spec.Patroni.Etcd.Count > 0)
            {
                watch = PatroniLeaderWatch.Start(spec.Patroni.Etcd, spec.Patroni.Namespace, spec.Patroni.Scope,
                    leader =>
                    {
                        FailoverPolicyLog.LeaderKeyChanged(_logger, name, leader ?? "(none)");
                        enqueue(key);
                    },
                    _logger, timeProvider);
            }
        }

        SentinelClient? sentinel = null;
        if (spec.Sentinel.Endpoints.Count > 0)
        {
            var pipeline = new BackendPipeline($"Sentinels of {name}", breaker, timeProvider, _logger);
            sentinel = await SentinelClient.ConnectAsync(spec.Sentinel.Endpoints, spec.Sentinel.MasterName, pipeline,
                () => enqueue(key), _logger, cancellationToken);
        }

        return new PolicyBackends(key, fingerprint, patroni, watch, sentinel);
    }

    /// <summary>Maps the policy's circuit breaker onto the pipeline; a call times out after the health check's timeout.</summary>
    private static BreakerSettings Breaker(FailoverPolicySpec spec)
    {
        var breakDuration = Duration.TryParse(spec.CircuitBreaker.Timeout, out var timeout) ? timeout : TimeSpan.FromSeconds(30);
        var attemptTimeout = Duration.TryParse(spec.HealthCheck.Timeout, out var probe) && probe > TimeSpan.Zero ? probe : TimeSpan.FromSeconds(5);

        // With spec.circuitBreaker.enabled false the breaker stays in the pipeline, but it needs int.MaxValue failures within
        // its sampling window to open, so it never does.
        int threshold = spec.CircuitBreaker.Enabled ? spec.CircuitBreaker.Threshold : int.MaxValue;
        return new BreakerSettings(threshold, breakDuration < TimeSpan.FromMilliseconds(500) ? TimeSpan.FromMilliseconds(500) : breakDuration,
            spec.CircuitBreaker.HalfOpenRequests, attemptTimeout);
    }

    private static string Fingerprint(FailoverPolicySpec spec) => JsonSerializer.Serialize(
        new { spec.Patroni, spec.Sentinel.Endpoints, spec.Sentinel.MasterName, spec.CircuitBreaker, spec.HealthCheck.Timeout },
        ResourceCodec.SerializerOptions);
}
