using GbOperator.Resources.FailoverPolicies;

namespace GbOperator.Resources.Validation;

/// <summary>Rules of <see cref="FailoverPolicySpec"/>.</summary>
internal static class FailoverPolicyValidator
{
    public static void Validate(FailoverPolicySpec spec, ViolationList violations)
    {
        ValidatePatroni(spec.Patroni, violations);
        ValidateSentinel(spec.Sentinel, violations);

        var interval = violations.PositiveDuration("spec.healthCheck.interval", spec.HealthCheck.Interval);
        var timeout = violations.PositiveDuration("spec.healthCheck.timeout", spec.HealthCheck.Timeout);
        if (interval is not null && timeout > interval)
        {
            violations.Invalid("spec.healthCheck.timeout", $"must be less than or equal to healthCheck.interval ({spec.HealthCheck.Interval})");
        }

        violations.AtLeast("spec.healthCheck.retries", spec.HealthCheck.Retries, 1);

        var breaker = spec.CircuitBreaker;
        violations.AtLeast("spec.circuitBreaker.threshold", breaker.Threshold, 1);
        violations.PositiveDuration("spec.circuitBreaker.timeout", breaker.Timeout);
        violations.AtLeast("spec.circuitBreaker.halfOpenRequests", breaker.HalfOpenRequests, 1);

        var degradation = spec.GracefulDegradation;
        if (degradation.FallbackLlm.Enabled)
        {
            violations.NotEmpty("spec.gracefulDegradation.fallbackLlm.provider", degradation.FallbackLlm.Provider, "a provider such as local");
            violations.NotEmpty("spec.gracefulDegradation.fallbackLlm.model", degradation.FallbackLlm.Model, "a model name such as DeepSeek-R1-Distill-Qwen-1.5B");
        }

        violations.OneOf("spec.gracefulDegradation.cacheMode", degradation.CacheMode, FallbackMode.CacheModes);
        violations.OneOf("spec.gracefulDegradation.vectorDbMode", degradation.VectorDbMode, FallbackMode.VectorDbModes);
    }

    private static void ValidatePatroni(PatroniSpec patroni, ViolationList violations)
    {
        violations.NotEmpty("spec.patroni.scope", patroni.Scope, "the Patroni scope (cluster name), such as botserver-cluster");
        for (var i = 0; i < patroni.Endpoints.Count; i++)
        {
            if (!NetworkAddress.IsHttpUrl(patroni.Endpoints[i]))
            {
                violations.Invalid($"spec.patroni.endpoints[{i}]",
                    $"invalid URL \"{patroni.Endpoints[i]}\": give the member's REST API as http://host:port, such as http://127.0.0.1:8008");
            }
        }

        violations.UniqueNames("spec.patroni.endpoints", patroni.Endpoints, "");
        for (var i = 0; i < patroni.Etcd.Count; i++)
        {
            violations.HostPort($"spec.patroni.etcd[{i}]", patroni.Etcd[i]);
        }

        violations.UniqueNames("spec.patroni.etcd", patroni.Etcd, "");
        if (!patroni.Namespace.StartsWith('/') || !patroni.Namespace.EndsWith('/'))
        {
            violations.Invalid("spec.patroni.namespace",
                $"invalid namespace \"{patroni.Namespace}\": give Patroni's namespace with a leading and a trailing slash, such as /service/");
        }

        violations.AtLeast("spec.patroni.maximumLagOnFailover", patroni.MaximumLagOnFailover, 0);
    }

    private static void ValidateSentinel(SentinelSpec sentinel, ViolationList violations)
    {
        if (string.IsNullOrWhiteSpace(sentinel.MasterName) || sentinel.MasterName.Any(char.IsWhiteSpace))
        {
            violations.Invalid("spec.sentinel.masterName", $"invalid master name \"{sentinel.MasterName}\": give the name from 'sentinel monitor', without spaces, such as mymaster");
        }

        for (var i = 0; i < sentinel.Endpoints.Count; i++)
        {
            violations.HostPort($"spec.sentinel.endpoints[{i}]", sentinel.Endpoints[i]);
        }

        violations.UniqueNames("spec.sentinel.endpoints", sentinel.Endpoints, "");
        violations.AtLeast("spec.sentinel.quorum", sentinel.Quorum, 1);
        if (sentinel.Endpoints.Count > 0 && sentinel.Quorum > sentinel.Endpoints.Count)
        {
            violations.Invalid("spec.sentinel.quorum", $"must be less than or equal to the number of sentinel endpoints ({sentinel.Endpoints.Count}), not {sentinel.Quorum}");
        }
    }
}
